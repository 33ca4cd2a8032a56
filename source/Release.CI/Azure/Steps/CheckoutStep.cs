using Release.CI.Yaml;

namespace Release.CI.Azure.Steps;

/// <summary>The step that checks the repository out (deployment jobs do not by default).</summary>
internal static class CheckoutStep
{
    public static YMap Build() => new YMap().Add("checkout", "self");
}
