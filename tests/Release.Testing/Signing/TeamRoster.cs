namespace Release.Testing.Signing;

/// <summary>
/// A team's SSH keys (made with ssh-keygen) and its roster file: everyone who acts in a test gets a key of their own
/// on first use, listed with no fixed role unless one is given (roles are then claimed, one per person per release),
/// and the CI job has a job key. A run signs with the key of its <c>--voter</c>, else with the job's key.
/// The keys live in a temporary folder outside any repository: only the roster (public keys) is ever committed.
/// </summary>
public sealed class TeamRoster(string file) : IDisposable
{
    /// <summary>The CI job's name on the roster.</summary>
    public const string Job = "ci-job";

    private readonly SshTestKeys _keys = new();
    private readonly HashSet<string> _listed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>The roster file.</summary>
    public string File => file;

    /// <summary>
    /// The private key of <paramref name="who"/>, listed on the roster (a person, or the job as <see cref="Job"/>) when
    /// first asked for: in <paramref name="role"/> (e.g. <c>Sre</c>), else with no fixed role.
    /// </summary>
    public string KeyOf(string who, string? role = null)
    {
        lock (_lock)
        {
            var key = _keys.PrivateKey(who);
            if (_listed.Add(who))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                System.IO.File.AppendAllText(file, $"{(who == Job ? "job" : role ?? "-")} {who} {_keys.PublicKey(who)}\n");
            }
            return key;
        }
    }

    /// <summary>Lists <paramref name="who"/>'s key in <paramref name="role"/> too (which closes the role to everyone not listed in it), as its owner if asked.</summary>
    public void ListInRole(string role, string who, bool owner = false)
    {
        var key = _keys.PublicKey(who);
        lock (_lock)
        {
            KeyOf(who);
            System.IO.File.AppendAllText(file, $"{role} {who} {(owner ? "owner " : "")}{key}\n");
        }
    }

    /// <summary>
    /// Lists <paramref name="who"/>'s key in <paramref name="role"/> with their Slack member id (<c>slack=ID</c>), so the
    /// ChatOps endpoint records that Slack user's votes as theirs.
    /// </summary>
    public void ListSlackUser(string role, string who, string slackUser)
    {
        var key = _keys.PublicKey(who);
        lock (_lock)
        {
            KeyOf(who);
            System.IO.File.AppendAllText(file, $"{role} {who} slack={slackUser} {key}\n");
        }
    }

    /// <summary>The private key of the ChatOps relay <paramref name="relay"/>, listed as a <c>chatops</c> key on first use.</summary>
    public string RelayKey(string relay)
    {
        lock (_lock)
        {
            var key = _keys.PrivateKey(relay);
            if (_listed.Add(relay)) System.IO.File.AppendAllText(file, $"chatops {relay} {_keys.PublicKey(relay)}\n");
            return key;
        }
    }

    /// <summary>An auditor's file of trusted public keys (for VerifyEvidence --trusted-keys): the given people's, or everyone listed.</summary>
    public string TrustedKeysFile(params string[] who)
    {
        lock (_lock)
        {
            var path = Path.Combine(Path.GetDirectoryName(_keys.PrivateKey(Job))!, $"trusted-{Guid.NewGuid():N}.pub");
            System.IO.File.WriteAllLines(path, (who.Length > 0 ? who : _listed.ToArray()).Select(w => _keys.PublicKey(w)));
            return path;
        }
    }

    /// <summary>A key that is on no roster (someone outside the team).</summary>
    public string UnlistedKey(string who) => _keys.PrivateKey(who);

    /// <summary><c>--signing-key</c> for a run: its <c>--voter</c>'s key, else the job's; nothing when the run names its own key.</summary>
    public IReadOnlyList<string> SigningArguments(IReadOnlyList<string> args)
    {
        if (args.Contains("--signing-key")) return [];
        var voter = args.ToList().IndexOf("--voter") is var i and >= 0 && i + 1 < args.Count ? args[i + 1] : null;
        return ["--signing-key", KeyOf(voter ?? Job)];
    }

    /// <inheritdoc />
    public void Dispose() => _keys.Dispose();
}
