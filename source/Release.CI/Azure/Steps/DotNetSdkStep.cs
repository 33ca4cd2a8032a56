using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>Installs the .NET SDK the build asks for (<c>UseDotNet@2</c>), so every job runs on it.</summary>
internal static class DotNetSdkStep
{
    /// <summary>
    /// With <paramref name="version"/> (the build definition read it from <c>global.json</c>; CheckCI keeps the two
    /// equal) the step names it; without, the task reads <c>global.json</c> itself. The named form is preferred: the
    /// boolean <c>useGlobalJson</c> input is refused by checkers that read every YAML scalar as a string, as Azure's
    /// own schema tooling does.
    /// </summary>
    public static YMap Build(string? version)
    {
        var inputs = new YMap().Add("packageType", "sdk");
        inputs = version is null ? inputs.Add("useGlobalJson", YScalar.Bool(true)) : inputs.Add("version", version);
        return new YMap()
            .Add("task", "UseDotNet@2")
            .Add("displayName", version is null ? "Install the .NET SDK from global.json" : $"Install the .NET SDK {version} (global.json)")
            .Add("inputs", inputs);
    }
}
