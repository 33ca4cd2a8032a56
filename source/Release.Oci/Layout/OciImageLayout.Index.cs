namespace Release.Oci;

public sealed partial class OciImageLayout
{
    /// <summary>
    /// Picks the manifest to use: the one whose ref name is <paramref name="tag"/>, or the only one when
    /// <paramref name="tag"/> is null. Throws listing what the layout offers when that is ambiguous or absent.
    /// </summary>
    public OciDescriptor FindManifest(string? tag = null)
    {
        if (tag is not null)
        {
            var named = _manifests.Where(m => RefName(m) == tag).ToList();
            if (named.Count == 1)
            {
                return named[0];
            }
        }
        else if (_manifests.Count == 1)
        {
            return _manifests[0];
        }

        var offered = _manifests.Count == 0
            ? "none (index.json is empty)"
            : string.Join(", ", _manifests.Select(m => $"{RefName(m) ?? "(no name)"} = {m.Digest}"));
        var wanted = tag is null ? "exactly one manifest" : $"a manifest named '{tag}'";
        throw new InvalidOperationException(
            $"the layout at {Root} has no {wanted} in index.json; it has: {offered}. Name one of these.");
    }

    /// <summary>
    /// Records <paramref name="descriptor"/> in index.json under <paramref name="tag"/> (replacing an entry with
    /// that name) or, without a tag, once by digest.
    /// </summary>
    public async Task AddManifestAsync(OciDescriptor descriptor, string? tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (tag is not null)
        {
            OciNames.ValidateTag(tag);
            _manifests.RemoveAll(m => RefName(m) == tag);
            descriptor = descriptor with
            {
                Annotations = new Dictionary<string, string>(descriptor.Annotations ?? new Dictionary<string, string>())
                {
                    [RefNameAnnotation] = tag,
                },
            };
        }
        else if (_manifests.Any(m => m.Digest == descriptor.Digest && RefName(m) is null))
        {
            return;
        }

        _manifests.Add(descriptor);
        await SaveIndexAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ref name (tag) annotation of an index entry, or null.</summary>
    public static string? RefName(OciDescriptor descriptor) => descriptor.Annotations?.GetValueOrDefault(RefNameAnnotation);

    private Task SaveIndexAsync(CancellationToken cancellationToken)
    {
        var index = new ManifestDocument { MediaType = OciMediaTypes.ImageIndex, Manifests = [.. _manifests] };
        return WriteAtomicAsync(Path.Combine(Root, IndexFile), index.ToJsonBytes(), cancellationToken);
    }
}
