using System.Runtime.Versioning;
using Release.Containers.BaseImages;

namespace Release.Stages.BuildImage;

/// <summary>
/// One base image resolution at a time in a run (a per-run service): the modules of an application build in parallel,
/// and the embedded base is assembled into one shared folder. The first build assembles it; the others wait, then
/// find it assembled and reuse it.
/// </summary>
internal sealed class BaseImageGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    [UnsupportedOSPlatform("windows")] // as the resolver: its callers are the Linux-only Build stages
    public async Task<ResolvedBaseImage> ResolveAsync(BaseImageResolver resolver, BaseImageRequest request, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await resolver.ResolveBaseImageAsync(request, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
