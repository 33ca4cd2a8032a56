using Release.Environments.Drift;

namespace Release.Environments.Component;

/// <summary>
/// What git declares an environment runs: each module's image by digest as the environment repository pins it. A local
/// environment has no folder there; it runs what the GitOps members of its group run (the group drift check holds them
/// to it), so their pins declare its state.
/// </summary>
/// <param name="Repository">The repository read, without credentials.</param>
/// <param name="Folder">The environment whose folder pinned the images (the environment itself, or its group's GitOps member).</param>
/// <param name="Commit">The environment repository's commit that was read.</param>
/// <param name="Images">Each module's image, <c>repository@sha256:...</c>.</param>
public sealed record DeclaredImages(string Repository, string? Folder, string Commit, IReadOnlyDictionary<string, string> Images)
{
    /// <summary>Reads the pins declared for <paramref name="environment"/> from a fresh clone of <c>--environments-repository</c>.</summary>
    /// <param name="build">The build (its environment repository and declared environments).</param>
    /// <param name="environment">A declared environment.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<DeclaredImages> ReadAsync(IEnvironments build, string environment, CancellationToken ct)
    {
        var declared = build.DeclaredEnvironments[environment];
        var folders = declared.IsGitOps ? [declared.Name]
            : build.DeclaredEnvironments.Environments.Where(e => e.IsGitOps && e.Group == declared.Group).Select(e => e.Name).ToList();
        var checkout = await EnvironmentRepositoryCheckout.CloneAsync(build, ct).ConfigureAwait(false);
        await using var checkoutDisposal = checkout.ConfigureAwait(false);
        var commit = await checkout.Repository.RevParseAsync("HEAD", ct).ConfigureAwait(false);
        foreach (var folder in folders)
        {
            var images = PinnedImage.Read(checkout.Repository.Path, folder).Where(p => p.Value.Repository is not null)
                .ToDictionary(p => p.Key, p => p.Value.Reference, StringComparer.Ordinal);
            if (images.Count > 0) return new DeclaredImages(checkout.Shown, folder, commit, images);
        }
        return new DeclaredImages(checkout.Shown, null, commit, new Dictionary<string, string>());
    }
}
