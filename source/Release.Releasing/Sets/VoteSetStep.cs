using Release.Releasing.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// What VoteSet, AttestSet and GateStatusSet do: find the set recorded for <c>--set</c>, refuse a vote or attestation
/// that names a module where the application approves the set (exit 2), then act through the one-module commands' own
/// code (<see cref="VoteStep"/>, <see cref="AttestStep"/>: roles, window, segregation of duties, signing;
/// <see cref="GateStatusStep"/>) on the set's record.
/// </summary>
internal sealed class VoteSetStep(IReleaseSets build, string kind)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var command = kind switch { "Vote" => "VoteSet", "Attestation" => "AttestSet", _ => "GateStatusSet" };
        var selection = SetSelection.Of(build, command);
        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using (records.ConfigureAwait(false))
        {
            var sets = await ApplicationSets.ReadAsync(build, new ReleaseRecordStore(records), ct).ConfigureAwait(false);
            var set = sets.Get(selection, command, records.Shown);
            if (kind != "Status") SetSubject.Check(build, set, kind);
        }
        var release = selection.AsRelease();
        await ((kind switch
        {
            "Vote" => new VoteStep(build, release).RunAsync(ct),
            "Attestation" => new AttestStep(build, release).RunAsync(ct),
            _ => new GateStatusStep(build, release).RunAsync(ct),
        }).ConfigureAwait(false));
    }
}
