using System.Text;

namespace Release.CI.Azure;

/// <summary>
/// The bash script of <see cref="ChangedPathsStage"/>. In a pull-request build (<c>BUILD_REASON=PullRequest</c>) it
/// lists the files the pull request changes: Azure builds the pull request's merge commit, whose first parent is the
/// target branch; when HEAD is not a merge, the merge base with the fetched target branch
/// (<c>SYSTEM_PULLREQUEST_TARGETBRANCH</c>). Each glob is tested once (GitLab's <c>changes:</c> semantics: <c>*</c>
/// within a folder, <c>**/</c> any folders), then each variable is set from its globs with
/// <c>##vso[task.setvariable variable=NAME;isOutput=true]</c>. Any other build sets every variable to <c>true</c>.
/// </summary>
internal static class ChangedPathsScript
{
    public static IEnumerable<string> Lines(IReadOnlyList<(string Variable, IReadOnlyList<string> Globs)> variables)
    {
        var globs = variables.SelectMany(v => v.Globs).Distinct(StringComparer.Ordinal).ToList();
        var indexOf = globs.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i, StringComparer.Ordinal);
        yield return "set -euo pipefail";
        yield return "changed=''";
        yield return "every=1";
        yield return "if [ \"${BUILD_REASON:-}\" = PullRequest ]; then";
        yield return "  every=''";
        yield return "  if git rev-parse -q --verify 'HEAD^2' >/dev/null; then";
        yield return "    base='HEAD^1'";
        yield return "  else";
        yield return "    target=\"${SYSTEM_PULLREQUEST_TARGETBRANCH:?the target branch of the pull request}\"";
        yield return "    git fetch --quiet --no-tags origin \"${target#refs/heads/}\"";
        yield return "    base=$(git merge-base FETCH_HEAD HEAD)";
        yield return "  fi";
        yield return "  changed=$(git diff --name-only \"$base\" HEAD)";
        yield return "  printf 'Files this pull request changes:\\n%s\\n' \"$changed\"";
        yield return "fi";
        yield return "hit=()";
        yield return "glob() { if [ -n \"$every\" ] || grep -qE \"$2\" <<<\"$changed\"; then hit[$1]=1; else hit[$1]=''; fi; }";
        yield return "output() {";
        yield return "  local name=$1 value=false; shift";
        yield return "  for i in \"$@\"; do if [ -n \"${hit[$i]}\" ]; then value=true; fi; done";
        yield return "  echo \"$name: $value\"";
        yield return "  echo \"##vso[task.setvariable variable=$name;isOutput=true]$value\"";
        yield return "}";
        for (var i = 0; i < globs.Count; i++) yield return $"glob {i} {Quote(ToExtendedRegex(globs[i]))}  # {globs[i]}";
        foreach (var (variable, variableGlobs) in variables)
            yield return $"output {variable} {string.Join(' ', variableGlobs.Select(g => indexOf[g]))}";
    }

    /// <summary>A POSIX extended regular expression for a whole path matching <paramref name="glob"/>.</summary>
    public static string ToExtendedRegex(string glob)
    {
        var text = glob.StartsWith("./", StringComparison.Ordinal) ? glob[2..] : glob;
        var pattern = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                pattern.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') pattern.Append("[^/]*");
            else if (c == '?') pattern.Append("[^/]");
            else if (c == '{') pattern.Append('(');
            else if (c == '}') pattern.Append(')');
            else if (c == ',' && Depth(text, i) > 0) pattern.Append('|');
            else if (".[]()+|^$\\".Contains(c)) pattern.Append('\\').Append(c);
            else pattern.Append(c);
        }
        return pattern.Append('$').ToString();
    }

    private static int Depth(string text, int position) => text[..position].Count(c => c == '{') - text[..position].Count(c => c == '}');

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
