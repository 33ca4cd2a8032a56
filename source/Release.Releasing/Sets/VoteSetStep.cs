using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// What VoteSet and AttestSet do: find the set recorded for <c>--set</c>, refuse a vote or attestation that names a
/// module where the application approves the set (exit 2), then cast it through the one-module commands' own code
/// (<see cref="VoteStep"/>, <see cref="AttestStep"/>: roles, window, segregation of duties, signing) on the set's record.
/// </summary>
internal sealed class VoteSetStep(IReleaseSets build, string kind)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var command = kind == "Vote" ? "VoteSet" : "AttestSet";
        var selection = SetSelection.Of(build, command);
        await using (var records = await RecordsRepository.OpenAsync(build, ct))
        {
            var sets = await ApplicationSets.ReadAsync(build, new ReleaseRecordStore(records), ct);
            SetSubject.Check(build, sets.Get(selection, command, records.Shown), kind);
        }
        var release = new ReleaseSelection(selection.Application, selection.Version);
        if (kind == "Vote") await new VoteStep(build, release).RunAsync(ct);
        else await new AttestStep(build, release).RunAsync(ct);
    }
}
