namespace Director.IntegrationTests;

/// <summary>Reaches the Director instance under test, named by the <c>DIRECTOR_URL</c> environment variable.</summary>
internal static class RunningDirector
{
    public const string UrlVariable = "DIRECTOR_URL";

    /// <summary>A client for the running instance; fails the test with the fix when the variable is missing.</summary>
    public static HttpClient CreateClient()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
            Assert.Fail($"{UrlVariable} is not set. Start Director (e.g. the container the pipeline deployed) and set " +
                        $"{UrlVariable}=http://HOST:PORT before running the integration tests.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
            Assert.Fail($"{UrlVariable}='{url}' is not an absolute URL such as http://127.0.0.1:8080.");
        return new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
