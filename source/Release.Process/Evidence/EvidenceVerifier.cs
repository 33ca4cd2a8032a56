namespace Release.Process.Evidence;

/// <summary>What kind of problem verification found.</summary>
public enum EvidenceProblem
{
    /// <summary>A file's content differs from the manifest.</summary>
    ChangedFile,

    /// <summary>A file in the manifest is gone.</summary>
    MissingFile,

    /// <summary>A file is present that the manifest does not list.</summary>
    ExtraFile,

    /// <summary>A chain link does not follow from the previous one, or its own hash is wrong.</summary>
    BrokenLink,

    /// <summary>The release is not in the chain.</summary>
    ManifestNotInChain,

    /// <summary>The manifest's hash differs from the one the chain recorded.</summary>
    ManifestChanged,
}

/// <summary>One verification finding.</summary>
/// <param name="Problem">The kind of problem.</param>
/// <param name="Subject">The file path or release id concerned.</param>
/// <param name="Detail">Expected and actual values.</param>
public sealed record EvidenceFinding(EvidenceProblem Problem, string Subject, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Problem} {Subject}: {Detail}";
}

/// <summary>
/// Checks recomputed file hashes against a manifest and the manifest against the chain, reporting every problem
/// by name (not just the first).
/// </summary>
public static class EvidenceVerifier
{
    /// <summary>Verifies one release's evidence and the whole chain.</summary>
    /// <param name="manifest">The release's stored manifest.</param>
    /// <param name="recomputed">Path → SHA-256 of the files found now.</param>
    /// <param name="chain">The stored chain.</param>
    /// <returns>Every finding; empty when intact.</returns>
    public static IReadOnlyList<EvidenceFinding> Verify(EvidenceManifest manifest, IReadOnlyDictionary<string, string> recomputed, HashChain chain)
    {
        var findings = new List<EvidenceFinding>();
        var found = recomputed.ToDictionary(
            p => EvidenceManifest.NormalisePath(p.Key, manifest.ReleaseId),
            p => p.Value.ToLowerInvariant(),
            StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!found.TryGetValue(file.Path, out var actual))
                findings.Add(new(EvidenceProblem.MissingFile, file.Path, $"listed in the manifest of {manifest.ReleaseId} but not found"));
            else if (actual != file.Sha256)
                findings.Add(new(EvidenceProblem.ChangedFile, file.Path, $"expected sha256 {file.Sha256}, found {actual}"));
        }
        foreach (var extra in found.Keys.Except(manifest.Files.Select(f => f.Path)).Order(StringComparer.Ordinal))
            findings.Add(new(EvidenceProblem.ExtraFile, extra, $"not listed in the manifest of {manifest.ReleaseId}"));

        findings.AddRange(VerifyChain(chain));
        var link = chain.Links.FirstOrDefault(l => l.ReleaseId == manifest.ReleaseId);
        if (link is null)
            findings.Add(new(EvidenceProblem.ManifestNotInChain, manifest.ReleaseId, "the release has no link in the evidence chain"));
        else if (link.ManifestHash != manifest.Hash)
            findings.Add(new(
                EvidenceProblem.ManifestChanged,
                manifest.ReleaseId,
                $"chain recorded manifest {link.ManifestHash}, manifest now hashes to {manifest.Hash}"));
        return findings;
    }

    /// <summary>Checks every link follows from the previous one and carries its own correct hash.</summary>
    /// <param name="chain">The stored chain.</param>
    public static IReadOnlyList<EvidenceFinding> VerifyChain(HashChain chain)
    {
        var findings = new List<EvidenceFinding>();
        var previous = HashChain.Genesis;
        for (var i = 0; i < chain.Links.Count; i++)
        {
            var link = chain.Links[i];
            var after = i == 0 ? "genesis" : $"link {i} ({chain.Links[i - 1].ReleaseId})";
            if (link.PreviousChainHash != previous)
                findings.Add(new(
                    EvidenceProblem.BrokenLink,
                    link.ReleaseId,
                    $"link {i + 1} should follow {after} with {previous}, but records {link.PreviousChainHash}"));
            var expected = HashChain.ComputeChainHash(link.PreviousChainHash, link.ReleaseId, link.ManifestHash);
            if (link.ChainHash != expected)
                findings.Add(new(
                    EvidenceProblem.BrokenLink,
                    link.ReleaseId,
                    $"link {i + 1} chain hash is {link.ChainHash}, but its contents hash to {expected}"));
            previous = link.ChainHash;
        }
        return findings;
    }
}
