using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>The job's work: the bootstrap script with its targets; imported secrets are mapped by name only.</summary>
internal static class BuildScriptStep
{
    public static YMap Build(CiJob job)
    {
        var env = new YMap();
        foreach (var secret in job.Secrets) env.Add(secret, $"$({secret})");
        return new YMap()
            .Add("script", job.Command)
            .Add("displayName", job.Command)
            .Add("env", env.IsEmpty ? null : env);
    }
}
