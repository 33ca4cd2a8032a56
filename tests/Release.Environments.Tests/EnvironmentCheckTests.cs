using Release.Engine;

namespace Release.Environments.Tests;

/// <summary>Bad configuration is refused before anything runs, every problem at once, each naming its file:line and the fix.</summary>
public class EnvironmentCheckTests
{
    private SampleSource _sample = null!;

    [SetUp]
    public void Create() => _sample = new SampleSource();

    [TearDown]
    public void Delete() => _sample.Dispose();

    private string Refusal(EnvironmentSet set) =>
        Assert.Throws<BuildInputException>(() => set.Check(_sample.Application, _sample.Root))!.Message;

    private static string Place(int line) => $"EnvironmentCheckTests.cs:{line}:";

    [Test]
    public void A_sound_source_gives_environments_in_promotion_order_and_each_modules_effective_configuration()
    {
        var checkedSet = SampleSource.Declared.Check(_sample.Application, _sample.Root);

        Assert.That(checkedSet.Environments.Select(e => e.Name), Is.EqualTo(new[] { "local", "staging", "pre-prod", "friendly-user", "production" }));
        Assert.That(checkedSet["local"].Group, Is.EqualTo("staging"));
        var gateway = checkedSet.ConfigurationOf("staging", "gateway");
        Assert.That(gateway.Select(e => $"{e.Key}={e.Shown}"), Is.EqualTo(new[]
        {
            "LEDGER_TOKEN=secret gateway-secrets/ledger-token", "LOG_LEVEL=debug", "TIMEOUT_SECONDS=30", "new-checkout=true",
        }));
        Assert.That(checkedSet.ConfigurationOf("production", "gateway").Single(e => e.Key == "LOG_LEVEL").Text, Is.EqualTo("info"));
        Assert.That(checkedSet.OverlayKeysOf("staging", "gateway"), Is.EquivalentTo(new[] { "LOG_LEVEL", "new-checkout" }));
    }

    [Test]
    public void An_unknown_module_is_refused_in_a_base_and_in_an_overlay()
    {
        int baseLine = 0, overlayLine = 0;
        var set = SampleSource.Declared
            .Base("gatewy", c => c.Value("A", "1")); baseLine = SampleSource.Line();
        set = set.Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("eu-test").Namespace("director-qa")
            .Module("ledgr", c => c.Value("RETENTION_DAYS", "1"))); overlayLine = SampleSource.Line();

        var message = Refusal(set);

        Assert.That(message, Does.Contain("(2 problems)"));
        Assert.That(message, Does.Contain($"{Place(baseLine)} the base configuration names module 'gatewy', which is not a module of application 'director' (modules: director, gateway, ledger)"));
        Assert.That(message, Does.Contain($"{Place(overlayLine)} environment 'qa' configures module 'ledgr'"));
        Assert.That(message, Does.Contain("Name one of those"));
    }

    [Test]
    public void An_overlay_key_the_base_lacks_is_refused_with_a_suggestion()
    {
        var set = SampleSource.Declared.Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("eu-test").Namespace("director-qa")
            .Module("gateway", c => c
                .Value("log_level", "trace"))); var line = SampleSource.Line();

        var message = Refusal(set);

        Assert.That(message, Does.Contain($"{Place(line)} key 'log_level' in the overlay of 'gateway' in 'qa' is not in the base configuration of 'gateway'"));
        Assert.That(message, Does.Contain("Did you mean 'LOG_LEVEL'? Add the key to the base first, or remove it from the overlay."));
    }

    [Test]
    public void A_literal_for_a_secret_key_is_refused_without_repeating_the_value()
    {
        var set = SampleSource.Declared.Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("eu-test").Namespace("director-qa")
            .Module("gateway", c => c
                .Value("LEDGER_TOKEN", "s3cr3t-hunter2"))); var line = SampleSource.Line();

        var message = Refusal(set);

        Assert.That(message, Does.Contain($"{Place(line)} key 'LEDGER_TOKEN' in the overlay of 'gateway' in 'qa' is a secret in the base"));
        Assert.That(message, Does.Contain(".Secret(\"LEDGER_TOKEN\", new SecretReference(\"secret-name\", \"key\"))"));
        Assert.That(message, Does.Not.Contain("s3cr3t-hunter2"));
    }

    [TestCase("DB_PASSWORD", "changeme", "its name says it is a secret")]
    [TestCase("API_KEY", "abc", "its name says it is a secret")]
    [TestCase("LEDGER_URL", "https://admin:hunter2@ledger.internal/", "its value looks like a credential")]
    [TestCase("SIGNING", "-----BEGIN RSA PRIVATE KEY-----\nMIIE", "its value looks like a credential")]
    public void A_secret_shaped_plain_value_in_a_base_is_refused(string key, string value, string reason)
    {
        var set = EnvironmentSet.Create().Base("ledger", c => c.Value(key, value))
            .Environment("qa", e => e.Step(1).Deployer("gitops").Cluster("eu-test").Namespace("director-qa"));

        var message = Refusal(set);

        Assert.That(message, Does.Contain($"key '{key}' in the base of 'ledger' is a plain value but {reason} (value not shown)"));
        Assert.That(message, Does.Contain("Secrets are given by reference only"));
        Assert.That(message, Does.Not.Contain(value));
    }

    [Test]
    public void Two_environments_claiming_one_namespace_of_one_cluster_are_refused_naming_both()
    {
        var set = SampleSource.Declared
            .Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("eu-test").Namespace("director-staging")); var line = SampleSource.Line();

        var message = Refusal(set);

        Assert.That(message, Does.Contain($"{Place(line)} environment 'qa' claims namespace 'director-staging' of cluster 'eu-test', which environment 'staging' ("));
        Assert.That(message, Does.Contain("Give each environment its own namespace (or cluster)."));
    }

    [Test]
    public void The_same_namespace_in_another_cluster_is_accepted() =>
        Assert.DoesNotThrow(() => SampleSource.Declared
            .Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("us-test").Namespace("director-staging"))
            .Check(_sample.Application, _sample.Root));

    [Test]
    public void Every_problem_is_reported_at_once_including_kind_changes_steps_and_deployers()
    {
        var set = SampleSource.Declared
            .Environment("qa", e => e.Deployer("kubectl").Cluster("eu-test").Namespace("director-qa")
                .Module("gateway", c => c.Value("new-checkout", "yes")))
            .Environment("qa-2", e => e.Step(1).Deployer("gitops").Cluster("eu-test").Namespace("director-qa2"));

        var message = Refusal(set);

        Assert.That(message, Does.Contain("(4 problems)"));
        Assert.That(message, Does.Contain("environment 'qa' has no step in the promotion chain. Add .Step(N)"));
        Assert.That(message, Does.Contain("environment 'qa' has deployer 'kubectl'. Use .Deployer(\"gitops\")"));
        Assert.That(message, Does.Contain("key 'new-checkout' in the overlay of 'gateway' in 'qa' is a value here but a flag in the base"));
        Assert.That(message, Does.Contain("share step 1 but not a group"));
    }
}
