using Release.Environments.Rendering;

namespace Release.Environments.Drift;

/// <summary>
/// Drift inside a group: members of one batch (same step, same group) must differ only where their overlays say. The
/// committed configuration of each member is compared with the group's first member, key by key.
/// </summary>
public static class GroupDrift
{
    /// <summary>The kind named in findings and reports.</summary>
    public const string Kind = "group";

    /// <summary>Every key differing between members of a GitOps group beyond their overlays, read from the repository at
    /// <paramref name="root"/>.</summary>
    public static IReadOnlyList<DriftFinding> Findings(CheckedEnvironments environments, string root, string repair)
    {
        string? Read(string path)
        {
            var full = Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }

        var findings = new List<DriftFinding>();
        foreach (var group in environments.Environments.Where(e => e.IsGitOps).GroupBy(e => e.Group).Where(g => g.Count() > 1))
        {
            var first = group.First().Name;
            foreach (var member in group.Skip(1))
            foreach (var module in environments.Application.Graph.Order)
                findings.AddRange(OverlayProof.Unexplained(environments, Read, first, member.Name, module).Select(d => new DriftFinding(
                    Kind, d.Environment, module, $"{d.Path} {d.Field}", $"{d.Expected} (as in {first}, group {group.Key})", SecretLiteralRule.Shown(
                        d.Field![5..],
                        d.Found!), repair)));
        }
        return findings;
    }
}
