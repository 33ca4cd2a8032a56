using Release.Distribution.Tests.Support;
using Release.Testing;

namespace Release.Distribution.Tests;

/// <summary>
/// Holds the one <see cref="LibraryFeed"/> of a test run, so the library is packed once for every test that needs it
/// (packing is the expensive part). Set once by NUnit before any test and removed after the last.
/// </summary>
[SetUpFixture]
public sealed class SharedFeed
{
    private TempDirectory? folder;

    internal static LibraryFeed Feed { get; private set; } = null!;

    [OneTimeSetUp]
    public void Create()
    {
        folder = new TempDirectory("release-feed");
        Feed = new LibraryFeed(folder.Path);
    }

    [OneTimeTearDown]
    public void Remove() => folder?.Dispose();
}
