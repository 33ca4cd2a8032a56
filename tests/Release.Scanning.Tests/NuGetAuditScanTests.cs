using Release.Scanning.Model;
using Release.Scanning.Policy;
using Release.Scanning.Sbom;
using Release.Scanning.Sources.NuGet;
using Release.Scanning.Tests.Fixtures;
using Release.Testing.NuGetAudit;

namespace Release.Scanning.Tests;

/// <summary>
/// End to end: real restored projects (Newtonsoft.Json 12.0.1 and 13.0.1) scanned against a real loopback NuGet
/// audit source that publishes GHSA-5crp-9r3c-p9vr.
/// </summary>
public sealed class NuGetAuditScanTests
{
    private NuGetAuditSourceServer _server = null!;
    private RestoredProject _vulnerable = null!;
    private RestoredProject _fixedVersion = null!;
    private readonly HttpClient _http = new();
    private readonly List<string> _log = [];

    [OneTimeSetUp]
    public async Task StartServerAndRestoreProjects()
    {
        _server = NuGetAuditSourceServer.Start();
        _vulnerable = await RestoredProject.CreateAsync([("Newtonsoft.Json", "12.0.1", "")], null, audit: false, CancellationToken.None);
        _fixedVersion = await RestoredProject.CreateAsync([("Newtonsoft.Json", "13.0.1", "")], null, audit: false, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        _vulnerable?.Dispose();
        _fixedVersion?.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Sbom_of_the_restored_project_lists_the_old_package()
    {
        var components = await ProjectAssetsReader.ReadAsync(_vulnerable.AssetsPath, CancellationToken.None);

        var newtonsoft = components.Single(c => c.Name == "Newtonsoft.Json");
        Assert.That(newtonsoft.Purl, Is.EqualTo("pkg:nuget/Newtonsoft.Json@12.0.1"));
        Assert.That(newtonsoft.IsDirect, Is.True);
        Assert.That(newtonsoft.Scope, Is.EqualTo(DependencyScope.Required));
    }

    [Test]
    public async Task Vulnerable_version_fails_at_High_threshold()
    {
        var outcome = await ScanAsync(_vulnerable, new ScanPolicy(Severity.High), new NuGetAuditSource(_http, _server.ServiceIndexUrl, _log.Add));

        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Failed));
        var finding = outcome.Findings.Single();
        Assert.That(finding.Finding.Advisory.Id, Is.EqualTo("GHSA-5crp-9r3c-p9vr"));
        Assert.That(finding.Finding.Advisory.Severity, Is.EqualTo(Severity.High));
        Assert.That(finding.Finding.Advisory.Url, Is.EqualTo("https://github.com/advisories/GHSA-5crp-9r3c-p9vr"));
        Assert.That(finding.Finding.FixedVersion, Is.EqualTo("13.0.1"));
        Assert.That(finding.Blocks, Is.True);
        Assert.That(outcome.Reasons, Has.Some.Contains("GHSA-5crp-9r3c-p9vr").And.Contains("pkg:nuget/Newtonsoft.Json@12.0.1"));
    }

    [Test]
    public async Task Fixed_version_is_clean()
    {
        var requestsBefore = _server.RequestCount;

        var outcome = await ScanAsync(_fixedVersion, new ScanPolicy(Severity.High), new NuGetAuditSource(_http, _server.ServiceIndexUrl));

        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Clean));
        Assert.That(outcome.Findings, Is.Empty);
        // Service index, vulnerability index and both pages were really fetched.
        Assert.That(_server.RequestCount - requestsBefore, Is.EqualTo(4));
    }

    [Test]
    public async Task Vulnerable_version_passes_but_is_not_clean_when_threshold_is_Critical()
    {
        var outcome = await ScanAsync(_vulnerable, new ScanPolicy(Severity.Critical), new NuGetAuditSource(_http, _server.ServiceIndexUrl));

        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Passed));
        Assert.That(outcome.Findings.Single().Blocks, Is.False);
    }

    [Test]
    public async Task Allowlisted_advisory_with_future_expiry_passes()
    {
        var entry = new AllowlistEntry("GHSA-5crp-9r3c-p9vr", "Only parses trusted config files", new DateOnly(2027, 1, 31));

        var outcome = await ScanAsync(_vulnerable, new ScanPolicy(Severity.High, Allowlist: [entry]), new NuGetAuditSource(_http, _server.ServiceIndexUrl));

        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Passed));
        Assert.That(outcome.Findings.Single().AllowedBy, Is.EqualTo(entry));
    }

    [Test]
    public async Task Allowlist_entry_for_another_package_does_not_apply()
    {
        var entry = new AllowlistEntry("GHSA-5crp-9r3c-p9vr", "wrong package", new DateOnly(2027, 1, 31), Package: "Some.Other");

        var outcome = await ScanAsync(_vulnerable, new ScanPolicy(Severity.High, Allowlist: [entry]), new NuGetAuditSource(_http, _server.ServiceIndexUrl));

        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Failed));
        Assert.That(outcome.Notes, Has.Some.Contains("matched no finding"));
    }

    [Test]
    public async Task Source_without_vulnerability_data_is_never_clean_and_fails_unless_accepted()
    {
        await using var noData = NuGetAuditSourceServer.Start(publishVulnerabilityInfo: false);
        var source = new NuGetAuditSource(_http, noData.ServiceIndexUrl);

        var strict = await ScanAsync(_fixedVersion, new ScanPolicy(Severity.High), source);
        var lenient = await ScanAsync(_fixedVersion, new ScanPolicy(Severity.High, AcceptMissingAdvisoryData: true), source);

        Assert.That(strict.Verdict, Is.EqualTo(ScanVerdict.Failed));
        Assert.That(strict.SourcesWithoutData.Single().SourceName, Does.Contain(noData.ServiceIndexUrl.ToString()));
        Assert.That(strict.Reasons.Single(), Does.Contain("gave no advisory data").And.Contains("VulnerabilityInfo/6.7.0"));
        Assert.That(lenient.Verdict, Is.EqualTo(ScanVerdict.Passed), "accepted missing data passes, but is not called clean");
    }

    [Test]
    public async Task Missing_data_from_one_source_is_reported_even_when_another_source_has_data()
    {
        await using var noData = NuGetAuditSourceServer.Start(publishVulnerabilityInfo: false);

        var outcome = await new VulnerabilityScanner(FixtureClock.Default).ScanAsync(
            await ProjectAssetsReader.ReadAsync(_fixedVersion.AssetsPath, CancellationToken.None),
            [new NuGetAuditSource(_http, _server.ServiceIndexUrl), new NuGetAuditSource(_http, noData.ServiceIndexUrl)],
            new ScanPolicy(),
            CancellationToken.None);

        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Failed));
        Assert.That(outcome.Sources.Select(s => s.GaveData), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public async Task Unreachable_source_gives_no_data_with_the_reason()
    {
        Uri closed;
        await using (var gone = NuGetAuditSourceServer.Start())
        {
            closed = gone.ServiceIndexUrl;
        }

        var result = await new NuGetAuditSource(_http, closed).QueryAsync([], CancellationToken.None);

        Assert.That(result.GaveData, Is.False);
        Assert.That(result.NoDataReason, Does.Contain(closed.ToString()).And.Contain("could not be read"));
    }

    [Test]
    public void Cancelled_scan_stops_instead_of_reporting_no_data()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(async () => await new NuGetAuditSource(_http, _server.ServiceIndexUrl).QueryAsync([], cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Dotnet_restore_with_the_fixture_as_audit_source_warns_about_the_advisory()
    {
        // Proves the fixture speaks the real protocol: NuGet's own client finds the advisory through it.
        using var project = await RestoredProject.CreateAsync(
            [("Newtonsoft.Json", "12.0.1", "")], _server.NuGetConfigXml(), audit: true, CancellationToken.None);

        Assert.That(project.RestoreOutput, Does.Contain("NU1903").And.Contain("GHSA-5crp-9r3c-p9vr"));
    }

    private async Task<ScanOutcome> ScanAsync(RestoredProject project, ScanPolicy policy, IAdvisorySource source)
    {
        var components = await ProjectAssetsReader.ReadAsync(project.AssetsPath, CancellationToken.None);
        return await new VulnerabilityScanner(FixtureClock.Default, _log.Add).ScanAsync(components, [source], policy, CancellationToken.None);
    }
}
