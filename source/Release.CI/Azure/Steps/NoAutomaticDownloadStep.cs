using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>
/// Stops a deployment job from downloading every artifact of the run, which its deploy hook does by default;
/// the job downloads exactly what it consumes instead.
/// </summary>
internal static class NoAutomaticDownloadStep
{
    public static YMap Build() => new YMap().Add("download", "none");
}
