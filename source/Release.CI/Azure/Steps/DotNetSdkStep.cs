using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>Installs the .NET SDK that <c>global.json</c> names (<c>UseDotNet@2</c>), so every job runs on the SDK the build asks for.</summary>
internal static class DotNetSdkStep
{
    public static YMap Build() => new YMap()
        .Add("task", "UseDotNet@2")
        .Add("displayName", "Install the .NET SDK from global.json")
        .Add("inputs", new YMap().Add("packageType", "sdk").Add("useGlobalJson", YScalar.Bool(true)));
}
