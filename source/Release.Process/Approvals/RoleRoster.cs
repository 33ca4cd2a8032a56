using Release.Process.Signing;

namespace Release.Process.Approvals;

/// <summary>
/// Who may act in a role: the people a team names for each role (from its directory or its on-call rota). A role the
/// roster does not name is open: anyone may claim it, and only the claim's consistency is checked (one person, one role
/// per release). Regulated teams name every role, so a vote or attestation in a role comes from someone entitled to it.
/// </summary>
public sealed class RoleRoster
{
    private readonly IReadOnlyDictionary<ApprovalRole, IReadOnlyList<string>> _members;
    private IReadOnlyList<RosterSigner> _signers = [];
    private IReadOnlyDictionary<ApprovalRole, IReadOnlyList<string>> _owners = new Dictionary<ApprovalRole, IReadOnlyList<string>>();
    private IReadOnlyDictionary<string, string> _slackUsers = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Creates a roster; a role given with no members is an error, since nobody could then act in it.</summary>
    /// <param name="members">The people (e-mails or user ids, compared case-insensitively) per role.</param>
    /// <exception cref="ArgumentException">A role with no members, or a blank name.</exception>
    public RoleRoster(IReadOnlyDictionary<ApprovalRole, IReadOnlyList<string>> members)
    {
        foreach (var (role, people) in members)
        {
            if (people.Count == 0)
                throw new ArgumentException(
                    $"Role roster: role {role} names nobody, so nobody could vote or attest in it. Name its members, or leave the role out (open).",
                    nameof(members));
            if (people.Any(string.IsNullOrWhiteSpace))
                throw new ArgumentException($"Role roster: role {role} has a blank member; give each member's e-mail or user id.", nameof(members));
        }
        _members = members.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value.Select(p => p.Trim()).ToArray());
    }

    /// <summary>A roster that names no role: every role is open (roles are claimed, not looked up).</summary>
    public static RoleRoster Open { get; } = new(new Dictionary<ApprovalRole, IReadOnlyList<string>>());

    /// <summary>The people named for <paramref name="role"/>, or null when the role is open.</summary>
    public IReadOnlyList<string>? MembersOf(ApprovalRole role) => _members.GetValueOrDefault(role);

    /// <summary>Whether <paramref name="person"/> may act as <paramref name="role"/>.</summary>
    public bool Allows(string person, ApprovalRole role) => MembersOf(role) is not { } members || Identity.IsIn(person, members);

    /// <summary>
    /// Whether <paramref name="person"/> owns <paramref name="role"/>: a member the team trusts to lift a standing NoGo
    /// in that role (the voter may be away, or the rota changed) with their own signed Go.
    /// </summary>
    public bool Owns(string person, ApprovalRole role) => _owners.TryGetValue(role, out var owners) && Identity.IsIn(person, owners);

    /// <summary>This roster with <paramref name="person"/> as an owner of <paramref name="role"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="person"/> is not a member of <paramref name="role"/>.</exception>
    public RoleRoster WithOwner(ApprovalRole role, string person)
    {
        if (MembersOf(role) is not { } members || !Identity.IsIn(person, members))
            throw new ArgumentException($"Role roster: {person} is named owner of {role} but is not a member of it; an owner lifts vetoes with a " +
                "Go in the role, so list them in it.");
        var owners = _owners.ToDictionary(o => o.Key, o => o.Value);
        owners[role] = [.. owners.GetValueOrDefault(role) ?? [], person.Trim()];
        return new RoleRoster(_members) { _signers = _signers, _owners = owners, _slackUsers = _slackUsers };
    }

    /// <summary>Every key the roster trusts, with its owner (a person, or a CI job).</summary>
    public IReadOnlyList<RosterSigner> Signers => _signers;

    /// <summary>True when the roster names keys: then only records signed by one of them count.</summary>
    public bool NamesKeys => _signers.Count > 0;

    /// <summary>
    /// This roster with <paramref name="keys"/> as <paramref name="person"/>'s (once signed, who acted is the key's
    /// owner, not a typed name). A person may hold several keys (a laptop and a hardware key).
    /// </summary>
    /// <exception cref="ArgumentException">A blank person, or a key another signer already holds.</exception>
    public RoleRoster WithKeys(string person, params SshPublicKey[] keys) => With(new RosterSigner(person.Trim(), keys, IsJob: false));

    /// <summary>
    /// This roster with <paramref name="signer"/> (e.g. with a key's validity window: a retired key keeps its
    /// <c>valid-before</c> so what it signed before still counts).
    /// </summary>
    public RoleRoster WithSigner(RosterSigner signer) => With(signer with { Name = signer.Name.Trim() });

    /// <summary>
    /// This roster with a CI job's key: the job signs what the job does (opening, blessing, promotion, rollback,
    /// evidence), never a vote or an attestation.
    /// </summary>
    public RoleRoster WithJobKey(string job, params SshPublicKey[] keys) => With(new RosterSigner(job.Trim(), keys, IsJob: true));

    /// <summary>
    /// This roster with a ChatOps relay's key: the ChatOps endpoint signs with it the votes people cast in Slack, each
    /// naming its Slack user (<see cref="VoteCast.Via"/>); such a vote counts only for the person <see cref="PersonOfSlackUser"/>
    /// maps that user to. The relay signs nothing else.
    /// </summary>
    public RoleRoster WithRelayKey(string relay, params SshPublicKey[] keys)
        => With(new RosterSigner(relay.Trim(), keys, IsJob: false) { IsRelay = true });

    /// <summary>Slack user ids (e.g. <c>U012AB3CD</c>) and the person each one is, as the roster's <c>slack=</c> options say.</summary>
    public IReadOnlyDictionary<string, string> SlackUsers => _slackUsers;

    /// <summary>The person the Slack user <paramref name="slackUser"/> is, or null when the roster does not map them.</summary>
    public string? PersonOfSlackUser(string slackUser) => _slackUsers.GetValueOrDefault(slackUser.Trim());

    /// <summary>This roster with the Slack user <paramref name="slackUser"/> mapped to <paramref name="person"/>.</summary>
    /// <exception cref="ArgumentException">A Slack id that is not one, or one already mapped to someone else.</exception>
    public RoleRoster WithSlackUser(string slackUser, string person)
    {
        var id = slackUser.Trim();
        if (id.Length is < 2 or > 32 || !id.All(char.IsAsciiLetterOrDigit) || !id.All(c => !char.IsAsciiLetterLower(c)))
            throw new ArgumentException($"Role roster: '{slackUser}' is not a Slack user id (upper-case letters and digits, e.g. slack=U012AB3CD: " +
                "the member id in the person's Slack profile).");
        if (_slackUsers.TryGetValue(id, out var mapped) && !Identity.Same(mapped, person))
            throw new ArgumentException($"Role roster: Slack user {id} is mapped to both {mapped} and {person}; one Slack user is one person.");
        var users = new Dictionary<string, string>(_slackUsers, StringComparer.Ordinal) { [id] = person.Trim() };
        return new RoleRoster(_members) { _signers = _signers, _owners = _owners, _slackUsers = users };
    }

    private RoleRoster With(RosterSigner signer)
    {
        if (signer.Name.Length == 0 || signer.Keys.Count == 0)
            throw new ArgumentException("Role roster: every signer needs a name and at least one public key.");
        foreach (var key in signer.Keys)
            if (_signers.FirstOrDefault(s => s.Keys.Contains(key)) is { } holder)
                throw new ArgumentException(
                    $"Role roster: key {key.Fingerprint} is given to both {holder.Name} and {signer.Name}; one key, one owner.");
        return new RoleRoster(_members) { _signers = [.. _signers, signer], _owners = _owners, _slackUsers = _slackUsers };
    }

    /// <summary>Why <paramref name="person"/> may not act as <paramref name="role"/>, naming the members; null when they may.</summary>
    public string? Refusal(string person, ApprovalRole role) => Allows(person, role) ? null
        : $"{person} is not on the {role} roster ({string.Join(", ", MembersOf(role)!)}): ask one of them, or add {person} to the roster in the " +
            "build definition's gates.";
}
