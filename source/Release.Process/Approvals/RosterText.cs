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
/// Sre                  old.sre@example.com          valid-before=2026-12-01 ssh-ed25519 AAAAC3Nza...  (retired key)
/// Sre                  sre.lead@example.com         owner ssh-ed25519 AAAAC3Nza...   (owns the role: may lift its vetoes)
/// Qa                   qa@example.com               slack=U012AB3CD ssh-ed25519 AAAAC3Nza...   (votes from this Slack user are qa@example.com's)
/// chatops              slack-release-bot            ssh-ed25519 AAAAC3Nza...   (the ChatOps endpoint's relay key: signs votes cast in Slack)
/// </code>
/// <c>slack=ID</c> before the key maps a Slack member id to the line's person: the ChatOps endpoint records that user's
/// votes in the person's name, signed with its <c>chatops</c> relay key and naming the Slack user (see
/// docs/release-process.md, "ChatOps on Slack"). Only a person's line may say it, and one Slack user is one person.
/// <c>owner</c> before the key (like OpenSSH's bare <c>cert-authority</c> option) makes the person an owner of the line's
/// role: their signed Go in that role lifts every NoGo cast in it before, not only their own. Only a role line may say it.
/// <c>valid-after=DATE</c> and <c>valid-before=DATE</c> (ISO 8601, UTC when no offset) before the key, as in
/// OpenSSH's allowed_signers, say when a key may sign: retire a key with <c>valid-before</c> rather than deleting its
/// line, so the records it signed while valid keep counting.
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
        var keys = new List<(string Who, SshPublicKey Key, bool Job, bool Relay, DateTimeOffset? After, DateTimeOffset? Before)>();
        var owners = new List<(ApprovalRole Role, string Who)>();
        var slackUsers = new List<(string Id, string Who, string Where)>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            var where = $"{source} line {number}";
            if (parts.Length < 3)
                throw new FormatException($"{where}: expected 'ROLE WHO PUBLIC-KEY' (ROLE '-' for no role, 'job' for a CI job), e.g. 'Sre " +
                    "sre@example.com ssh-ed25519 AAAA...'.");
            var (after, before, owner, slack, keyText) = Options(parts[2], where);
            var key = SshPublicKey.Parse(keyText, where);
            var job = parts[0].Equals("job", StringComparison.OrdinalIgnoreCase);
            var relay = parts[0].Equals("chatops", StringComparison.OrdinalIgnoreCase);
            if (owner && (job || relay || parts[0] == "-"))
                throw new FormatException(
                    $"{where}: 'owner' needs a role to own; put it on a line of that role, e.g. 'Sre {parts[1]} owner ssh-ed25519 AAAA...'.");
            if (slack is not null && (job || relay))
                throw new FormatException(
                    $"{where}: 'slack={slack}' maps a Slack user to a person; put it on that person's line, not on a {parts[0]} key's.");
            if (slack is not null) slackUsers.Add((slack, parts[1], where));
            if (!job && !relay && parts[0] != "-")
            {
                ApprovalRole role;
                try { role = new ApprovalRole(parts[0]); }
                catch (ArgumentException e) { throw new FormatException($"{where}: {e.Message}", e); }
                if (!members.TryGetValue(role, out var list)) members[role] = list = [];
                if (!list.Any(p => Identity.Same(p, parts[1]))) list.Add(parts[1]);
                if (owner) owners.Add((role, parts[1]));
            }
            keys.Add((parts[1], key, job, relay, after, before));
        }
        var roster = new RoleRoster(members.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value));
        foreach (var (role, who) in owners) roster = roster.WithOwner(role, who);
        foreach (var (id, who, where) in slackUsers)
        {
            try { roster = roster.WithSlackUser(id, who); }
            catch (ArgumentException e) { throw new FormatException($"{where}: {e.Message}", e); }
        }
        foreach (var group in keys.GroupBy(k => (Who: Identity.Canonical(k.Who), k.Job, k.Relay)))
        {
            var distinct = group.Select(k => k.Key).Distinct().ToArray();
            var validity = group.Where(k => k.After is not null || k.Before is not null)
                .ToDictionary(k => k.Key.Fingerprint, k => (k.After, k.Before), StringComparer.Ordinal);
            try
            {
                roster = roster.WithSigner(
                    new RosterSigner(group.First().Who, distinct, group.Key.Job) { Validity = validity, IsRelay = group.Key.Relay });
            }
            catch (ArgumentException e) { throw new FormatException($"{source}: {e.Message}", e); }
        }
        return roster;
    }

    // Leading options (valid-after=, valid-before=, owner, slack=), then the key line.
    private static (DateTimeOffset? After, DateTimeOffset? Before, bool Owner, string? Slack, string Key) Options(string text, string where)
    {
        DateTimeOffset? after = null, before = null;
        var owner = false;
        string? slack = null;
        var rest = text.Trim();
        while (rest.StartsWith("valid-", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("slack=", StringComparison.OrdinalIgnoreCase)
               || rest.StartsWith("owner ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("owner\t", StringComparison.OrdinalIgnoreCase))
        {
            if (rest.StartsWith("owner", StringComparison.OrdinalIgnoreCase))
            {
                owner = true;
                rest = rest[5..].TrimStart();
                continue;
            }
            var split = rest.IndexOfAny([' ', '\t']);
            if (split < 0) break;
            var option = rest[..split].Split('=', 2);
            if (option[0].Equals("slack", StringComparison.OrdinalIgnoreCase))
            {
                slack = option[1].Trim('"');
                rest = rest[split..].TrimStart();
                continue;
            }
            if (!option[0].Equals("valid-after", StringComparison.OrdinalIgnoreCase)
                && !option[0].Equals("valid-before", StringComparison.OrdinalIgnoreCase))
                throw new FormatException(
                    $"{where}: unknown option '{option[0]}'; use valid-after=DATE, valid-before=DATE, owner or slack=SLACK-USER-ID.");
            if (option.Length != 2 || !DateTimeOffset.TryParse(option[1].Trim('"'), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var value))
                throw new FormatException(
                    $"{where}: '{rest[..split]}' is not valid-after=DATE or valid-before=DATE (ISO 8601, e.g. valid-before=2026-12-01).");
            if (option[0].Equals("valid-after", StringComparison.OrdinalIgnoreCase)) after = value;
            else before = value;
            rest = rest[split..].TrimStart();
        }
        return (after, before, owner, slack, rest);
    }
}
