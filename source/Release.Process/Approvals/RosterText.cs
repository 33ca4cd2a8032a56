using Release.Process.Signing;

namespace Release.Process.Approvals;

/// <summary>
/// A roster as text, one signer per line, reviewed like code (e.g. <c>build/release-roster</c>):
/// <code>
/// # role               who                          public key (the .pub line)
/// ModuleLead           lead@example.com             ssh-ed25519 AAAAC3Nza... lead@laptop
/// Sre                  sre@example.com              ssh-ed25519 AAAAC3Nza...
/// -                    release.manager@example.com  ssh-ed25519 AAAAC3Nza...   (no role: opens, blesses, promotes)
/// job                  gitlab-production-job        ssh-ed25519 AAAAC3Nza...   (a CI job: never votes)
/// </code>
/// A person with two keys has two lines; a person in a role may also carry a second role on another line only if
/// the team really wants that (one person still votes in one role per release).
/// </summary>
public static class RosterText
{
    /// <summary>Reads the roster.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">Where it came from, named in errors.</param>
    /// <exception cref="FormatException">A line that is not <c>ROLE WHO KEY</c>, naming the line and the fix.</exception>
    public static RoleRoster Parse(string text, string source)
    {
        var members = new Dictionary<ApprovalRole, List<string>>();
        var keys = new List<(string Who, SshPublicKey Key, bool Job)>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            var where = $"{source} line {number}";
            if (parts.Length < 3)
                throw new FormatException($"{where}: expected 'ROLE WHO PUBLIC-KEY' (ROLE '-' for no role, 'job' for a CI job), e.g. 'Sre sre@example.com ssh-ed25519 AAAA...'.");
            var key = SshPublicKey.Parse(parts[2], where);
            var job = parts[0].Equals("job", StringComparison.OrdinalIgnoreCase);
            if (!job && parts[0] != "-")
            {
                ApprovalRole role;
                try { role = new ApprovalRole(parts[0]); }
                catch (ArgumentException e) { throw new FormatException($"{where}: {e.Message}", e); }
                if (!members.TryGetValue(role, out var list)) members[role] = list = [];
                if (!list.Any(p => Identity.Same(p, parts[1]))) list.Add(parts[1]);
            }
            keys.Add((parts[1], key, job));
        }
        var roster = new RoleRoster(members.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value));
        foreach (var group in keys.GroupBy(k => (Who: Identity.Canonical(k.Who), k.Job)))
        {
            var distinct = group.Select(k => k.Key).Distinct().ToArray();
            try
            {
                roster = group.Key.Job ? roster.WithJobKey(group.First().Who, distinct) : roster.WithKeys(group.First().Who, distinct);
            }
            catch (ArgumentException e) { throw new FormatException($"{source}: {e.Message}", e); }
        }
        return roster;
    }
}
