using Release.Scanning.Model;
using Release.Scanning.Policy;
using Release.Scanning.Tests.Fixtures;
using Release.Testing;

namespace Release.Scanning.Tests;

public sealed class PolicyTests
{
    private readonly AllowlistReader _reader = new(FixtureClock.Default); // today: 2026-11-22

    [TestCase("high", Severity.High)]
    [TestCase("CRITICAL", Severity.Critical)]
    [TestCase("Moderate", Severity.Medium)]
    public void Severity_names_parse_ignoring_case(string name, Severity expected) =>
        Assert.That(SeverityNames.Parse(name, "option --fail-on"), Is.EqualTo(expected));

    [Test]
    public void Unknown_severity_name_lists_the_valid_names()
    {
        var error = Assert.Throws<FormatException>(() => SeverityNames.Parse("severe", "option --fail-on"));

        Assert.That(error!.Message, Does.Contain("option --fail-on").And.Contain("'severe'")
            .And.Contain("Unknown, Low, Medium, High, Critical"));
    }

    [Test]
    public void Severities_are_ordered_from_Unknown_to_Critical() =>
        Assert.That(Enum.GetValues<Severity>(), Is.Ordered.And.EqualTo(new[] { Severity.Unknown, Severity.Low, Severity.Medium, Severity.High, Severity.Critical }));

    [Test]
    public async Task Json_and_yaml_allowlists_read_the_same_entries()
    {
        using var folder = new TempDirectory("allow");
        var json = folder.WriteFile("allow.json", """
            {"entries": [{"id": "GHSA-5crp-9r3c-p9vr", "reason": "trusted input only", "expires": "2027-01-31", "package": "Newtonsoft.Json"}]}
            """);
        var yaml = folder.WriteFile("allow.yaml", """
            entries:
              - id: GHSA-5crp-9r3c-p9vr
                reason: trusted input only
                expires: 2027-01-31
                package: Newtonsoft.Json
            """);

        var fromJson = await _reader.ReadAsync(json, CancellationToken.None);
        var fromYaml = await _reader.ReadAsync(yaml, CancellationToken.None);

        var expected = new AllowlistEntry("GHSA-5crp-9r3c-p9vr", "trusted input only", new DateOnly(2027, 1, 31), "Newtonsoft.Json");
        Assert.That(fromJson, Is.EqualTo(new[] { expected }));
        Assert.That(fromYaml, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public async Task Entry_expiring_today_is_still_valid()
    {
        using var folder = new TempDirectory("allow");
        var file = folder.WriteFile("allow.json", """[{"id": "CVE-1", "reason": "r", "expires": "2026-11-22"}]""");

        var entries = await _reader.ReadAsync(file, CancellationToken.None);

        Assert.That(entries.Single().Expires, Is.EqualTo(new DateOnly(2026, 11, 22)));
    }

    [Test]
    public void Expired_entry_names_file_entry_id_and_fix()
    {
        using var folder = new TempDirectory("allow");
        var file = folder.WriteFile("allow.yml", """
            - id: CVE-2020-1
              reason: ok then
              expires: 2027-01-01
            - id: GHSA-old
              reason: was fine last year
              expires: 2026-11-21
            """);

        var error = Assert.ThrowsAsync<AllowlistException>(() => _reader.ReadAsync(file, CancellationToken.None));

        Assert.That(error!.EntryIndex, Is.EqualTo(1));
        Assert.That(error.Message, Does.Contain(file).And.Contain("entries[1]").And.Contain("'GHSA-old'")
            .And.Contain("expired on 2026-11-21").And.Contain("new 'expires' date"));
    }

    [TestCase("""[{"id": "GHSA-1", "expires": "2027-01-01"}]""", "missing 'reason'")]
    [TestCase("""[{"reason": "r", "expires": "2027-01-01"}]""", "missing 'id'")]
    [TestCase("""[{"id": "GHSA-1", "reason": "r"}]""", "missing 'expires'")]
    [TestCase("""[{"id": "GHSA-1", "reason": "r", "expires": "next year"}]""", "not a date")]
    [TestCase("""[{"id": "GHSA-1", "reason": "r", "expires": "2027-01-01", "expiry": "x"}]""", "unknown field(s) 'expiry'")]
    public void Malformed_entry_is_a_clear_error(string json, string expected)
    {
        using var folder = new TempDirectory("allow");
        var file = folder.WriteFile("allow.json", json);

        var error = Assert.ThrowsAsync<AllowlistException>(() => _reader.ReadAsync(file, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain(file).And.Contain("entries[0]").And.Contain(expected));
        Assert.That(error.EntryIndex, Is.EqualTo(0));
    }

    [Test]
    public void Yaml_errors_name_the_line()
    {
        using var folder = new TempDirectory("allow");
        var file = folder.WriteFile("allow.yaml", "entries:\n  - id: GHSA-1\n    expires: 2027-01-01\n");

        var error = Assert.ThrowsAsync<AllowlistException>(() => _reader.ReadAsync(file, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("line 2").And.Contain("(id 'GHSA-1')").And.Contain("missing 'reason'"));
    }

    [Test]
    public void Unsupported_extension_and_missing_file_are_errors()
    {
        using var folder = new TempDirectory("allow");
        var toml = folder.WriteFile("allow.toml", "");

        Assert.That(Assert.ThrowsAsync<AllowlistException>(() => _reader.ReadAsync(toml, CancellationToken.None))!.Message,
            Does.Contain("*.json, *.yaml or *.yml"));
        Assert.That(Assert.ThrowsAsync<AllowlistException>(() => _reader.ReadAsync(folder.Combine("none.json"), CancellationToken.None))!.Message,
            Does.Contain("does not exist"));
    }

    [Test]
    public void Allowlist_entry_may_name_an_alias()
    {
        var advisory = new Advisory("GHSA-5crp-9r3c-p9vr", ["CVE-2024-21907"], "", Severity.High, null);
        var finding = new Finding(advisory, new SoftwareComponent(ComponentEcosystem.NuGet, "Newtonsoft.Json", "12.0.1"), "s", "(, 13.0.1)");
        var policy = new ScanPolicy(Allowlist: [new AllowlistEntry("cve-2024-21907", "r", new DateOnly(2027, 1, 1))]);

        var outcome = ScanEvaluator.Evaluate([AdvisorySourceResult.WithData("s", [finding])], policy, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Passed));
    }

    [Test]
    public void No_sources_at_all_fails()
    {
        var outcome = ScanEvaluator.Evaluate([], new ScanPolicy(AcceptMissingAdvisoryData: true), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        Assert.That(outcome.Verdict, Is.EqualTo(ScanVerdict.Failed));
        Assert.That(outcome.Reasons.Single(), Does.Contain("No advisory source"));
    }
}
