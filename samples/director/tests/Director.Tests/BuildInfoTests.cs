using System.Reflection;

namespace Director.Tests;

public class BuildInfoTests
{
    [TestCase("1.4.0+3f2a9c1", "1.4.0", "3f2a9c1")]
    [TestCase("1.4.0-rc.1+abc", "1.4.0-rc.1", "abc")]
    [TestCase("2.0.0", "2.0.0", "unknown")]
    [TestCase("2.0.0+", "2.0.0", "unknown")]
    [TestCase("", "0.0.0", "unknown")]
    [TestCase(null, "0.0.0", "unknown")]
    public void Parses_version_and_commit_from_informational_version(string? informational, string version, string commit) =>
        Assert.That(BuildInfo.Parse(informational), Is.EqualTo(new BuildInfo(version, commit)));

    [Test]
    public void Environment_variables_override_the_assembly()
    {
        var env = new Dictionary<string, string?> { [BuildInfo.VersionVariable] = " 9.9.9 ", [BuildInfo.CommitVariable] = "deadbeef" };
        var info = BuildInfo.FromAssemblyAndEnvironment(typeof(BuildInfo).Assembly, name => env.GetValueOrDefault(name));
        Assert.That(info, Is.EqualTo(new BuildInfo("9.9.9", "deadbeef")));
    }

    [Test]
    public void Without_overrides_the_assembly_informational_version_is_used()
    {
        var assembly = typeof(BuildInfo).Assembly;
        var expected = BuildInfo.Parse(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
        var info = BuildInfo.FromAssemblyAndEnvironment(assembly, _ => "  ");
        Assert.That(info, Is.EqualTo(expected));
        Assert.That(info.Version, Is.Not.EqualTo("0.0.0"));
    }
}
