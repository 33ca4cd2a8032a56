using System.Security.Cryptography;
using System.Text;
using Release.Process.Signing;

namespace Release.Process.Approvals;

/// <summary>
/// How a release record's events are chained and signed. Each event names the link of the one before it
/// (<see cref="ReleaseEvent.Previous"/>); the link of an event is the SHA-256 of what was signed and the signature.
/// The signed payload holds the release id, so a signed event copied into another release does not verify, and the
/// previous link, so one replayed or moved within the release does not either.
/// </summary>
public static class RecordChain
{
    /// <summary>The SSHSIG namespace of record signatures (a signature made for anything else never verifies here).</summary>
    public const string Namespace = "release-record";

    /// <summary>The previous link of a record's first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The bytes the actor signs for <paramref name="event"/> appended after <paramref name="previous"/>.</summary>
    public static byte[] Payload(string releaseId, string previous, ReleaseEvent @event) =>
        Encoding.UTF8.GetBytes(
            $"release-record/v1\n{releaseId}\n{previous}\n{ReleaseRecordJson.SerializeEvent(@event with { Previous = null, Signature = null })}");

    /// <summary>The link of an event as stored (signed or not) after <paramref name="previous"/>.</summary>
    public static string Link(string releaseId, string previous, ReleaseEvent @event) =>
        Convert.ToHexStringLower(
            SHA256.HashData([.. Payload(releaseId, previous, @event), (byte)'\n', .. Encoding.UTF8.GetBytes(@event.Signature ?? "")]));

    /// <summary>The link of the record's last event: what the next event names as previous.</summary>
    public static string Head(ReleaseRecord record) => Links(record)[^1];

    /// <summary>The link of every event, in order.</summary>
    public static IReadOnlyList<string> Links(ReleaseRecord record)
    {
        var links = new List<string>(record.Events.Count);
        var previous = Genesis;
        foreach (var @event in record.Events)
            links.Add(previous = Link(record.ReleaseId, previous, @event));
        return links;
    }

    /// <summary>
    /// Signs every event of <paramref name="record"/> from index <paramref name="from"/> on with <paramref name="signer"/>
    /// (events before it are kept as they are) and returns the signed record.
    /// </summary>
    public static async Task<ReleaseRecord> SignAsync(ReleaseRecord record, int from, IMessageSigner signer, CancellationToken ct)
    {
        var events = record.Events.ToList();
        var previous = from == 0 ? Genesis : Links(record)[from - 1];
        for (var i = from; i < events.Count; i++)
        {
            var unsigned = events[i] with { Previous = previous, Signature = null };
            var signature = await signer.SignAsync(Payload(record.ReleaseId, previous, unsigned), Namespace, ct).ConfigureAwait(false);
            events[i] = unsigned with { Signature = signature };
            previous = Link(record.ReleaseId, previous, events[i]);
        }
        return events.Skip(1).Aggregate(ReleaseRecord.Create(record.ReleaseId, (ReleaseCreated)events[0]), (r, e) => r.Append(e));
    }
}
