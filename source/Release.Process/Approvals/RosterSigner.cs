using Release.Process.Signing;

namespace Release.Process.Approvals;

/// <summary>
/// Who holds keys on a <see cref="RoleRoster"/>: a person (votes, attests, acts), a CI job (acts only) or a ChatOps relay
/// (<see cref="IsRelay"/>: signs only votes it relays from Slack, in the name of the person the roster maps the Slack user to).
/// </summary>
/// <param name="Name">The person's e-mail or user id, or the job's name.</param>
/// <param name="Keys">The public keys.</param>
/// <param name="IsJob">True for a CI job's identity.</param>
public sealed record RosterSigner(string Name, IReadOnlyList<SshPublicKey> Keys, bool IsJob)
{
    /// <summary>
    /// True for a ChatOps relay's key (roster role <c>chatops</c>): the ChatOps endpoint signs with it the votes people
    /// cast in Slack, each naming the Slack user it came from (<see cref="VoteCast.Via"/>). It signs nothing else, and a
    /// relayed vote counts only for the person the roster maps that Slack user to.
    /// </summary>
    public bool IsRelay { get; init; }

    /// <summary>
    /// When a key may sign, by fingerprint (a key absent here is valid at any time). A key retired from the roster
    /// gets a <c>valid-before</c> instead of being deleted, so what it signed while it was valid keeps counting: records
    /// are checked against the roster as it stood when they were made. Events are appended in time order, so a
    /// retired key cannot slip an event in before later ones.
    /// </summary>
    public IReadOnlyDictionary<string, (DateTimeOffset? ValidAfter, DateTimeOffset? ValidBefore)> Validity { get; init; } =
        new Dictionary<string, (DateTimeOffset?, DateTimeOffset?)>();

    /// <summary>Why <paramref name="key"/> may not sign at <paramref name="at"/>, or null when it may.</summary>
    public string? RefusalAt(SshPublicKey key, DateTimeOffset at) => Validity.TryGetValue(key.Fingerprint, out var window) switch
    {
        true when window.ValidAfter is { } after
            && at < after => $"signed at {at:O} with {Name}'s key {key.Fingerprint}, which the roster accepts only from {after:O}",
        true when window.ValidBefore is { } before
            && at >= before => $"signed at {at:O} with {Name}'s key {key.Fingerprint}, which the roster retired at {before:O}",
        _ => null,
    };
}
