using Release.Engine;

namespace Release.Stages.UnitTest;

/// <summary>
/// A parameter's value must be a <c>dotnet test --filter</c> expression: conditions <c>Property=value</c> (or
/// <c>!=</c>, <c>~</c>, <c>!~</c>; a bare value means <c>FullyQualifiedName~value</c>) joined by <c>&amp;</c> and
/// <c>|</c> and grouped by balanced parentheses, <c>\</c> escaping the next character. Checked before anything runs:
/// a malformed filter would otherwise fail late inside the test run, or match nothing, or be read as "all tests".
/// </summary>
public sealed class TestFilterAttribute : ParameterConstraintAttribute
{
    /// <inheritdoc />
    public override string Allowed =>
        "a dotnet test filter such as FullyQualifiedName~Orders&TestCategory!=Slow (conditions Property=value, !=, ~ or !~, joined by & or |, in " +
            "balanced parentheses)";

    /// <inheritdoc />
    public override string? Check(object value) => new Reader(value.ToString() ?? "").Problem();

    /// <summary>A recursive-descent reader of the filter grammar that says what is wrong at which position.</summary>
    private sealed class Reader(string text)
    {
        private int _position;

        public string? Problem()
        {
            if (text.Trim().Length == 0) return "is empty";
            if (Unbalanced() is { } unbalanced) return unbalanced;
            var problem = Expression();
            if (problem is not null) return problem;
            return _position < text.Length ? $"has a ')' without its '(' at position {_position + 1}" : null;
        }

        /// <summary>Parentheses first, so <c>(((</c> is reported as what it is rather than as an empty condition.</summary>
        private string? Unbalanced()
        {
            var open = new Stack<int>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\') i++;
                else if (text[i] == '(') open.Push(i);
                else if (text[i] == ')' && !open.TryPop(out _)) return $"has a ')' without its '(' at position {i + 1}";
            }
            return open.Count > 0 ? $"has an unclosed '(' at position {open.Last() + 1}" : null;
        }

        private string? Expression()
        {
            while (true)
            {
                if (Operand() is { } problem) return problem;
                SkipSpaces();
                if (_position >= text.Length || text[_position] == ')') return null;
                _position++; // '&' or '|': Operand stops only at these, ')' or the end
            }
        }

        private string? Operand()
        {
            SkipSpaces();
            if (_position < text.Length && text[_position] == '(')
            {
                var open = _position++;
                if (Expression() is { } problem) return problem;
                if (_position >= text.Length) return $"has an unclosed '(' at position {open + 1}";
                _position++;
                SkipSpaces();
                return _position < text.Length && text[_position] is not ('&' or '|' or ')')
                    ? $"has text right after a ')' at position {_position + 1}; join it with & or |" : null;
            }
            var start = _position;
            var condition = new System.Text.StringBuilder();
            for (; _position < text.Length && text[_position] is not ('&' or '|' or ')' or '('); _position++)
            {
                if (text[_position] == '\\' && _position + 1 < text.Length) condition.Append(text[_position++]);
                condition.Append(text[_position]);
            }
            if (_position < text.Length && text[_position] == '(') return $"has a '(' inside a condition at position {_position + 1}; escape it as " +
                "\\(";
            return Condition(condition.ToString(), start);
        }

        private static string? Condition(string condition, int start)
        {
            if (condition.Trim().Length == 0) return $"has an empty condition at position {start + 1} (nothing before or after &, | or a " +
                "parenthesis)";
            var op = OperatorIndex(condition);
            if (op < 0) return null; // a bare value: FullyQualifiedName~value
            var length = condition[op] == '!' ? 2 : 1;
            if (condition[..op].Trim().Length == 0) return $"has a condition '{condition.Trim()}' with no property before its operator";
            if (condition[(op + length)..].Trim().Length == 0) return $"has a condition '{condition.Trim()}' with no value after its operator";
            return null;
        }

        /// <summary>The first unescaped <c>=</c>, <c>~</c>, <c>!=</c> or <c>!~</c>.</summary>
        private static int OperatorIndex(string condition)
        {
            for (var i = 0; i < condition.Length; i++)
            {
                if (condition[i] == '\\') { i++; continue; }
                if (condition[i] is '=' or '~') return i;
                if (condition[i] == '!' && i + 1 < condition.Length && condition[i + 1] is '=' or '~') return i;
            }
            return -1;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
        }
    }
}
