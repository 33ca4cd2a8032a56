namespace Release.Oci;

/// <summary>How a blob is uploaded.</summary>
public enum BlobUploadMode
{
    /// <summary>Chunked above <see cref="OciRegistryClientOptions.ChunkedUploadThreshold"/>, otherwise monolithic.</summary>
    Auto,

    /// <summary>One PUT carrying the whole blob (<c>POST</c> then <c>PUT ?digest=</c>).</summary>
    Monolithic,

    /// <summary>PATCH requests of <see cref="OciRegistryClientOptions.ChunkSize"/> bytes with Content-Range, then a closing PUT.</summary>
    Chunked,
}

/// <summary>What <see cref="OciRegistryClient.MountBlobAsync"/> did.</summary>
public enum BlobMountResult
{
    /// <summary>The registry linked the existing blob into the repository (201): no bytes moved.</summary>
    Mounted,

    /// <summary>The registry declined the mount (202), so the blob was read from the source repository and uploaded.</summary>
    Uploaded,
}
