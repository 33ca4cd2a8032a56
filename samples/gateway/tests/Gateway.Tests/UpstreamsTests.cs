namespace Gateway.Tests;

public class UpstreamsTests
{
    [Test]
    public void Both_addresses_are_read_from_the_environment()
    {
        var variables = new Dictionary<string, string> { ["DIRECTOR_URL"] = "http://director:8080/", ["LEDGER_URL"] = "http://127.0.0.1:5001" };
        var upstreams = Upstreams.FromEnvironment(variables.GetValueOrDefault);
        Assert.That(upstreams.Director, Is.EqualTo(new Uri("http://director:8080/")));
        Assert.That(upstreams.Ledger, Is.EqualTo(new Uri("http://127.0.0.1:5001")));
    }

    [Test]
    public void A_missing_address_names_the_variable_and_an_example()
    {
        var variables = new Dictionary<string, string> { ["DIRECTOR_URL"] = "http://director:8080/" };
        var error = Assert.Throws<InvalidOperationException>(() => Upstreams.FromEnvironment(variables.GetValueOrDefault))!;
        Assert.That(error.Message, Does.StartWith("LEDGER_URL must be the absolute http(s) address of the module, e.g. LEDGER_URL=http://127.0.0.1:8080"));
    }

    [Test]
    public void A_relative_or_non_http_address_is_refused()
    {
        var variables = new Dictionary<string, string> { ["DIRECTOR_URL"] = "director:8080", ["LEDGER_URL"] = "http://ledger" };
        Assert.Throws<InvalidOperationException>(() => Upstreams.FromEnvironment(variables.GetValueOrDefault));
    }
}
