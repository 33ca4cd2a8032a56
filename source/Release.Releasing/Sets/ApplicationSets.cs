using Release.Engine;
using Release.Process.Applications.Releases;
using Release.Process.Approvals;
using Release.Releasing.Records;

namespace Release.Releasing.Sets;

/// <summary>
/// The application's releases as the trusted records hold them: each set by version, and the history the set planners
/// reason about (<see cref="SetHistory"/>). Module releases in the same repository are skipped.
/// </summary>
/// <param name="Sets">Every set of the application, by version ascending.</param>
/// <param name="History">Blessings and deployments of the application's sets.</param>
/// <param name="Records">Every trusted record of the application's sets, by release id.</param>
internal sealed record ApplicationSets(IReadOnlyList<ReleaseManifest> Sets, SetHistory History, IReadOnlyDictionary<string, ReleaseRecord> Records)
{
    /// <summary>Reads every record of the repository and keeps the application's sets.</summary>
    /// <exception cref="BuildInputException">A set record cannot be read; the message names the record and the fix.</exception>
    public static async Task<ApplicationSets> ReadAsync(IReleaseSets build, ReleaseRecordStore store, CancellationToken ct)
    {
        var trusted = RecordTrust.TrustedAll(build, await store.ReadAllAsync(ct).ConfigureAwait(false));
        try
        {
            var sets = new List<ReleaseManifest>();
            var records = new Dictionary<string, ReleaseRecord>(StringComparer.Ordinal);
            foreach (var record in trusted)
            {
                if (SetRecords.ManifestOf(record) is not { } set || set.Application != build.Application.Name) continue;
                sets.Add(set);
                records[record.ReleaseId] = record;
            }
            return new ApplicationSets(sets.OrderBy(s => s.Version).ToList(), SetHistory.From(build.Application.Name, trusted), records);
        }
        catch (ReleaseSetException e)
        {
            throw new BuildInputException(string.Join("\n", e.Problems));
        }
    }

    /// <summary>The set of <paramref name="selection"/>, or null when it was never opened.</summary>
    public ReleaseManifest? Find(SetSelection selection) => Sets.FirstOrDefault(s => s.Version.Equals(selection.Version));

    /// <summary>The set of <paramref name="selection"/>.</summary>
    /// <exception cref="BuildInputException">It was never opened (names the command that opens it).</exception>
    public ReleaseManifest Get(SetSelection selection, string command, string repository) => Find(selection) ?? throw new BuildInputException(
        $"{command}: application release {selection.Id} has no set in {repository} (releases/{selection.Id}.json). Check --set, " +
        $"or open it with ./build.sh OpenSet --set {selection.Version} after every changed module's Push and Chart.");
}
