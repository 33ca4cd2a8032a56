namespace Release.Environments.Drift;

/// <summary>
/// Records drift: the image digests the environment repository pins against what the signed release records say was
/// promoted there. A digest no promotion put there (a hand commit, a deploy that bypassed Promote) is drift; so is an
/// earlier release's digest where the records say a later one is deployed. Plain comparison, no I/O: the caller reads
/// and verifies the signed records (Release.Releasing), which this layer does not know.
/// </summary>
public static class RecordsDrift
{
    /// <summary>The kind named in findings and reports.</summary>
    public const string Kind = "records";

    /// <summary>Every module whose pinned digest (<see cref="PinnedImage.Read"/>) is not the one the records say is deployed in
    /// <paramref name="state"/>'s environment.</summary>
    public static IReadOnlyList<DriftFinding> Findings(PromotedState state, IReadOnlyDictionary<string, PinnedImage> pinned)
    {
        var repair = state.CurrentVersion is null
            ? "./build.sh Promote --release VERSION --to " + state.Environment
            : $"./build.sh Promote --release {state.CurrentVersion} --to {state.Environment}";
        var expected = state.CurrentDigest is null ? "(no promotion recorded)" : $"{state.CurrentDigest} (release {state.CurrentVersion})";
        return [.. pinned
            .Where(p => p.Value.Digest != state.CurrentDigest)
            .Select(p => new DriftFinding(Kind, state.Environment, p
                .Key, $"environments/{state.Environment}/{p.Key}/values-configmap.yaml image.digest",
                expected, state.EverPromoted.Contains(p.Value.Digest)
                    ? $"{p.Value.Digest} (promoted earlier, not the current release)"
                    : $"{p.Value.Digest} (no promotion put it there)", repair))];
    }
}
