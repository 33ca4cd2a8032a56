using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>
/// The job's work: the bootstrap script with its targets. Imported secrets and the team's CI variables are mapped by
/// name only (<c>NAME: $(NAME)</c>): secret variables are not environment variables unless mapped.
/// </summary>
internal static class BuildScriptStep
{
    public static YMap Build(CiJob job)
    {
        var env = new YMap();
        foreach (var secret in job.Secrets) env.Add(secret, $"$({secret})");
        foreach (var variable in job.Variables.Where(v => !job.Secrets.Contains(v))) env.Add(variable, $"$({variable})");
        return new YMap()
            .Add("script", job.Command)
            .Add("displayName", job.Command)
            .Add("env", env.IsEmpty ? null : env);
    }
}
