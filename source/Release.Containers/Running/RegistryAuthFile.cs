using System.Text;
using System.Text.Json;

namespace Release.Containers.Running;

/// <summary>
/// A private, short-lived registry credentials file (<c>{"auths":{"HOST:PORT":{"auth":"BASE64(user:password)"}}}</c>),
/// the format podman reads with <c>--authfile</c> and docker reads as <c>config.json</c> in <c>DOCKER_CONFIG</c>. It lets
/// an engine pull from a registry that asks for credentials without the password on a command line (where <c>ps</c>
/// and logs would show it) or in the user's own auth file. The folder is the user's alone (0700), the file 0600; both
/// are deleted on dispose.
/// </summary>
public sealed class RegistryAuthFile : IDisposable
{
    private readonly DirectoryInfo _directory;

    private RegistryAuthFile(DirectoryInfo directory, string path)
    {
        _directory = directory;
        Path = path;
    }

    /// <summary>The file, named <c>config.json</c> so that its folder serves as a <c>DOCKER_CONFIG</c>.</summary>
    public string Path { get; }

    /// <summary>Writes the credentials for <paramref name="registry"/> (<c>host[:port]</c>, as image references name it).</summary>
    public static async Task<RegistryAuthFile> WriteAsync(
        string registry,
        string userName,
        string password,
        CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("release-registry-auth-");
        var path = System.IO.Path.Combine(directory.FullName, "config.json");
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, Dictionary<string, Dictionary<string, string>>>
        {
            ["auths"] = new() { [registry] = new() { ["auth"] = auth } },
        });
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var stream = new FileStream(path, options);
        await using (stream.ConfigureAwait(false))
            await stream.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        return new RegistryAuthFile(directory, path);
    }

    /// <summary>Deletes the file and its folder.</summary>
    public void Dispose()
    {
        try { _directory.Delete(recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a temp folder; nothing else reads it */ }
    }
}
