namespace Release.Process.Evidence;

/// <summary>One release's place in the chain.</summary>
/// <param name="ReleaseId">The release.</param>
/// <param name="ManifestHash">The release's <see cref="EvidenceManifest.Hash"/>.</param>
/// <param name="PreviousChainHash">The previous link's <see cref="ChainHash"/>, or <see cref="HashChain.Genesis"/>.</param>
/// <param name="ChainHash">SHA-256 over the previous chain hash, the release id and the manifest hash.</param>
public sealed record ChainLink(string ReleaseId, string ManifestHash, string PreviousChainHash, string ChainHash);

/// <summary>
/// Links every release's evidence to all earlier releases: changing an earlier manifest or link changes every
/// later chain hash, so history cannot be edited quietly. The first link's previous hash is <see cref="Genesis"/>.
/// </summary>
public sealed class HashChain
{
    /// <summary>The previous hash of the first link: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    private HashChain(IReadOnlyList<ChainLink> links) => Links = links;

    /// <summary>The links, oldest first.</summary>
    public IReadOnlyList<ChainLink> Links { get; }

    /// <summary>An empty chain.</summary>
    public static HashChain Empty { get; } = new([]);

    /// <summary>A chain as stored (not checked: use <see cref="EvidenceVerifier"/>).</summary>
    /// <param name="links">The stored links, oldest first.</param>
    public static HashChain FromLinks(IEnumerable<ChainLink> links) => new(links.ToArray());

    /// <summary>The hash of the last link, or <see cref="Genesis"/> for an empty chain.</summary>
    public string Head => Links.Count == 0 ? Genesis : Links[^1].ChainHash;

    /// <summary>Returns a new chain with the manifest linked at the end.</summary>
    /// <param name="manifest">The release's manifest.</param>
    /// <exception cref="InvalidOperationException">The release is already in the chain.</exception>
    public HashChain Append(EvidenceManifest manifest)
    {
        if (Links.Any(l => l.ReleaseId == manifest.ReleaseId))
            throw new InvalidOperationException(
                $"Release {manifest.ReleaseId} is already in the evidence chain: evidence is recorded once per release.");
        var link = new ChainLink(manifest.ReleaseId, manifest.Hash, Head, ComputeChainHash(Head, manifest.ReleaseId, manifest.Hash));
        return new HashChain([.. Links, link]);
    }

    /// <summary>The chain hash of a link.</summary>
    /// <param name="previousChainHash">The previous link's chain hash.</param>
    /// <param name="releaseId">The release.</param>
    /// <param name="manifestHash">The release's manifest hash.</param>
    public static string ComputeChainHash(string previousChainHash, string releaseId, string manifestHash) =>
        Sha256Hex.Of($"release-evidence-chain/v1\nprevious {previousChainHash}\nrelease {releaseId}\nmanifest {manifestHash}\n");
}
