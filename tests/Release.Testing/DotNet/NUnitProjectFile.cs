namespace Release.Testing.DotNet;

/// <summary>
/// The project file of a throwaway NUnit test project that tests build and run with the real <c>dotnet test</c>. The one
/// place for its package versions: they must be ones the NuGet copy serves (as in Directory.Packages.props), because the
/// temp folder lies outside this repository's central package management.
/// </summary>
public static class NUnitProjectFile
{
    /// <summary>The project text (net10.0, implicit usings, NUnit), with <paramref name="items"/> added to its item group.</summary>
    /// <param name="items">Further items, e.g. <c>&lt;ProjectReference Include="../Sample/Sample.csproj" /&gt;</c>.</param>
    public static string Text(params string[] items) =>
        $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>false</IsPackable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" />
            <PackageReference Include="NUnit" Version="4.4.0" />
            <PackageReference Include="NUnit3TestAdapter" Version="5.2.0" />
            <Using Include="NUnit.Framework" />
        {string.Concat(items.Select(item => "    " + item + "\n"))}  </ItemGroup>
        </Project>
        """;
}
