namespace Release.Engine.Parameters;

/// <summary>
/// Holds a parameter's value to its declared constraints (<see cref="ParameterConstraintAttribute"/>) as soon as a
/// source gives it, so a bad value is refused before anything is planned or run.
/// </summary>
internal static class ParameterValidator
{
    /// <summary>Throws <see cref="BuildInputException"/> naming the parameter, value, source and fix when a constraint is broken.</summary>
    public static void Check(ParameterDescriptor parameter, object? value, string source)
    {
        if (parameter.Constraints.Count == 0 || value is null) return;
        if (value is Array items)
        {
            foreach (var item in items)
                if (item is not null) CheckOne(parameter, item, source);
        }
        else CheckOne(parameter, value, source);
    }

    private static void CheckOne(ParameterDescriptor parameter, object value, string source)
    {
        foreach (var constraint in parameter.Constraints)
        {
            if (constraint.Check(value) is not { } problem) continue;
            // A secret's value is never repeated, not even to say it is wrong.
            var shown = parameter.IsSecret ? "(secret)" : $"'{value}'";
            throw new BuildInputException(
                $"{parameter.ArgumentName} has the value {shown} from {ValueSources.Describe(source)}, which {problem}: it must be " +
                    $"{constraint.Allowed}. " +
                ValueSources.Fix(source, parameter.ArgumentName));
        }
    }
}
