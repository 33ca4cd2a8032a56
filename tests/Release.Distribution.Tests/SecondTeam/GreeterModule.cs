using Release.Testing;

namespace Release.Distribution.Tests.SecondTeam;

/// <summary>
/// The second team's module, not the sample: a tiny ASP.NET app (a health endpoint and a greeting), its unit tests and
/// its integration tests, which reach the deployed app through <c>GREETER_URL</c> as the Integrate stage passes it.
/// Laid out as the stages expect by default: one solution in the module folder, one web project, *.Tests and
/// &lt;Module&gt;.IntegrationTests under tests/.
/// </summary>
internal static class GreeterModule
{
    public const string Folder = "greeter";

    /// <summary>Writes the module under <see cref="Folder"/> in <paramref name="repository"/>.</summary>
    public static void WriteTo(TempDirectory repository)
    {
        repository.WriteFile($"{Folder}/greeter.slnx", """
            <Solution>
              <Project Path="src/Greeter/Greeter.csproj" />
              <Project Path="tests/Greeter.Tests/Greeter.Tests.csproj" />
              <Project Path="tests/Greeter.IntegrationTests/Greeter.IntegrationTests.csproj" />
            </Solution>
            """);
        repository.WriteFile($"{Folder}/src/Greeter/Greeter.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
            </Project>
            """);
        repository.WriteFile($"{Folder}/src/Greeter/Greeting.cs", "namespace Greeter;\n\npublic static class Greeting\n{\n    public static string For(string name) => $\"Hello, {name}\";\n}\n");
        // The host is exercised by the integration tests against the deployed container, not by the unit tests' coverage.
        repository.WriteFile($"{Folder}/src/Greeter/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
            app.MapGet("/greetings/{name}", (string name) => Greeter.Greeting.For(name));
            app.Run();

            [System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]
            public partial class Program;
            """);
        repository.WriteFile($"{Folder}/tests/Greeter.Tests/Greeter.Tests.csproj", TestProject("<ProjectReference Include=\"../../src/Greeter/Greeter.csproj\" />"));
        repository.WriteFile($"{Folder}/tests/Greeter.Tests/GreetingTests.cs",
            "using NUnit.Framework;\n\nnamespace Greeter.Tests;\n\npublic class GreetingTests\n{\n    [Test]\n    public void Greets_by_name() => Assert.That(Greeting.For(\"Ann\"), Is.EqualTo(\"Hello, Ann\"));\n}\n");
        repository.WriteFile($"{Folder}/tests/Greeter.IntegrationTests/Greeter.IntegrationTests.csproj", TestProject("<Using Include=\"NUnit.Framework\" />"));
        repository.WriteFile($"{Folder}/tests/Greeter.IntegrationTests/GreeterApiTests.cs", """
            namespace Greeter.IntegrationTests;

            public class GreeterApiTests
            {
                private static HttpClient Client() => new() { BaseAddress = new Uri(Environment.GetEnvironmentVariable("GREETER_URL")
                    ?? throw new InvalidOperationException("GREETER_URL names the deployed greeter; the Integrate stage sets it")) };

                [Test]
                public async Task Health_answers() => Assert.That((await Client().GetAsync("/health")).IsSuccessStatusCode, Is.True);

                [Test]
                public async Task Greets_by_name() => Assert.That(await Client().GetStringAsync("/greetings/Ann"), Is.EqualTo("Hello, Ann"));
            }
            """);
    }

    // NUnit for both; the unit tests reference the app, the integration tests only reach it over HTTP.
    private static string TestProject(string items) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><IsPackable>false</IsPackable></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" />
            <PackageReference Include="NUnit" Version="4.4.0" />
            <PackageReference Include="NUnit3TestAdapter" Version="5.2.0" />
            <PackageReference Include="coverlet.collector" Version="6.0.4" />
            {items}
          </ItemGroup>
        </Project>
        """;
}
