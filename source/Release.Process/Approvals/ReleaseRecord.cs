using System.Collections.Immutable;

namespace Release.Process.Approvals;

/// <summary>
/// The immutable, append-only history of one release: created, votes, attestations, blessing, promotions and
/// rollbacks. <see cref="Append"/> returns a new record; nothing is ever changed or removed.
/// </summary>
public sealed class ReleaseRecord
{
    private ReleaseRecord(string releaseId, ImmutableList<ReleaseEvent> events)
    {
        ReleaseId = releaseId;
        Events = events;
    }

    /// <summary>The release id, e.g. <c>director-1.4.0</c>.</summary>
    public string ReleaseId { get; }

    /// <summary>Every event in the order it was appended; the first is always <see cref="ReleaseCreated"/>.</summary>
    public IReadOnlyList<ReleaseEvent> Events { get; }

    /// <summary>The creation event.</summary>
    public ReleaseCreated Created => (ReleaseCreated)Events[0];

    /// <summary>Starts a record.</summary>
    /// <param name="releaseId">Letters, digits, '.', '_' and '-'.</param>
    /// <param name="created">The creation event; authors are sorted and de-duplicated so the JSON is deterministic.</param>
    /// <exception cref="ArgumentException">Invalid id or a creation event without trigger.</exception>
    public static ReleaseRecord Create(string releaseId, ReleaseCreated created)
    {
        if (string.IsNullOrEmpty(releaseId) || !releaseId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new ArgumentException(
                $"Release id '{releaseId}' must be letters, digits, '.', '_' or '-', e.g. 'director-1.4.0'.",
                nameof(releaseId));
        if (string.IsNullOrWhiteSpace(created.TriggeredBy))
            throw new ArgumentException(
                $"Release {releaseId}: the creation event names nobody in TriggeredBy; segregation of duties needs it.",
                nameof(created));
        var authors = created.Authors.Select(a => a.Trim()).Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        return new ReleaseRecord(releaseId, [created with { Authors = authors }]);
    }

    /// <summary>Returns a new record with the event added at the end.</summary>
    /// <param name="event">The event; not a second creation, not earlier than the last event.</param>
    /// <exception cref="InvalidOperationException">The event would rewrite history.</exception>
    public ReleaseRecord Append(ReleaseEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event is ReleaseCreated)
            throw new InvalidOperationException($"Release {ReleaseId} was already created at {Created.At:O}: a record has one creation event.");
        var last = Events[^1];
        if (@event.At < last.At)
            throw new InvalidOperationException(
                $"Release {ReleaseId}: event {@event.GetType().Name} at {@event.At:O} is earlier than the last event ({last.At:O}); the record is " +
                    "append-only in time order.");
        return new ReleaseRecord(ReleaseId, ((ImmutableList<ReleaseEvent>)Events).Add(@event));
    }

    /// <summary>The recorded votes, in order.</summary>
    public IReadOnlyList<Vote> Votes() => Events.OfType<VoteCast>()
        .Select(v => new Vote(ReleaseId, v.Environment, new ApprovalRole(v.Role), v.Voter, v.Decision, v.Reason, v.At)).ToArray();

    /// <summary>The recorded attestations, in order.</summary>
    public IReadOnlyList<Attestation> Attestations() => Events.OfType<AttestationRecorded>()
        .Select(a => new Attestation(ReleaseId, a.ItemKey, a.By, a.At, a.Text, a.Role is null ? null : new ApprovalRole(a.Role))).ToArray();

    /// <summary>What gates need about this release.</summary>
    /// <param name="evidenceKeys">Evidence keys the pipeline recorded.</param>
    public ReleaseCandidate ToCandidate(IEnumerable<string> evidenceKeys) =>
        new(ReleaseId, Created.Authors, Created.TriggeredBy, evidenceKeys.ToHashSet(StringComparer.Ordinal), Attestations(), Reached());

    /// <summary>When the release was first promoted to each environment.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Reached() => Events.OfType<ReleasePromoted>()
        .GroupBy(p => p.Environment, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(p => p.At), StringComparer.Ordinal);

    /// <summary>
    /// Checks this record is <paramref name="earlier"/> with events only added at the end (e.g. before
    /// overwriting the stored copy).
    /// </summary>
    /// <param name="earlier">The previously stored record.</param>
    /// <returns>Null when it is a pure extension, otherwise what was changed.</returns>
    public string? FindRewriteOf(ReleaseRecord earlier)
    {
        if (earlier.ReleaseId != ReleaseId)
            return $"Record is for release {ReleaseId}, the stored one for {earlier.ReleaseId}.";
        if (Events.Count < earlier.Events.Count)
            return $"Release {ReleaseId}: {earlier.Events.Count - Events.Count} event(s) were removed from the record.";
        for (var i = 0; i < earlier.Events.Count; i++)
            if (ReleaseRecordJson.SerializeEvent(Events[i]) != ReleaseRecordJson.SerializeEvent(earlier.Events[i]))
                return $"Release {ReleaseId}: event {i + 1} ({earlier.Events[i].GetType().Name} at {earlier.Events[i].At:O}) was changed.";
        return null;
    }
}
