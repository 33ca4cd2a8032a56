using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>Installs the .NET SDK the build asks for, so every job runs on it.</summary>
internal static class DotNetSdkStep
{
    /// <summary>The SDK's install folder on the agent, put first on the PATH.</summary>
    private const string InstallDirectory = "$(Agent.ToolsDirectory)/dotnet";

    /// <summary>
    /// With <paramref name="version"/> (the build definition read it from <c>global.json</c>; CheckCI keeps the two
    /// equal) <c>UseDotNet@2</c> installs it by name. Without, a script step runs Microsoft's <c>dotnet-install.sh</c>
    /// with <c>--jsonfile global.json</c>: <c>UseDotNet@2</c>'s <c>useGlobalJson</c> input is a JSON boolean in
    /// Azure's schema, while Azure reads every YAML scalar as a string, so no spelling of it passes the schema check.
    /// </summary>
    public static YMap Build(string? version)
    {
        if (version is not null)
            return new YMap()
                .Add("task", "UseDotNet@2")
                .Add("displayName", $"Install the .NET SDK {version} (global.json)")
                .Add("inputs", new YMap().Add("packageType", "sdk").Add("version", version));
        return new YMap()
            .Add("bash", YScalar.Lines([
                "curl -sSfL --retry 3 https://dot.net/v1/dotnet-install.sh -o \"$(Agent.TempDirectory)/dotnet-install.sh\"",
                $"bash \"$(Agent.TempDirectory)/dotnet-install.sh\" --jsonfile global.json --install-dir \"{InstallDirectory}\"",
                $"echo \"##vso[task.setvariable variable=DOTNET_ROOT]{InstallDirectory}\"",
                $"echo \"##vso[task.prependpath]{InstallDirectory}\"",
            ]))
            .Add("displayName", "Install the .NET SDK from global.json");
    }
}
