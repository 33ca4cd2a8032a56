using Release.Foundation.Secrets;

namespace Release.Foundation.Tests.Secrets;

public class SecretMaskerTests
{
    [Test]
    public void Masks_every_occurrence_of_every_secret() =>
        Assert.That(new SecretMasker(["hunter2", "s3cr3t"]).Mask("user:hunter2 token=s3cr3t again hunter2"),
            Is.EqualTo("user:*** token=*** again ***"));

    [Test]
    public void Masks_the_longer_of_two_overlapping_secrets_whole() =>
        Assert.That(new SecretMasker(["abc", "abcdef"]).Mask("x abcdef y abc"), Is.EqualTo("x *** y ***"));

    [TestCase(null)] [TestCase("")] [TestCase("   ")] [TestCase("a")] [TestCase("12")]
    public void Ignores_blank_and_too_short_values_so_logs_stay_readable(string? value)
    {
        var masker = new SecretMasker([value]);
        masker.Add(value);

        Assert.That(masker.Secrets, Is.Empty);
        Assert.That(masker.Mask("a 12 b"), Is.EqualTo("a 12 b"));
    }

    [Test]
    public void The_shortest_masked_value_has_three_characters() =>
        Assert.That(new SecretMasker(["xyz"]).Mask("wxyz"), Is.EqualTo("w***"));

    [Test]
    public void Values_added_later_are_masked_and_listed_longest_first()
    {
        var masker = new SecretMasker();
        masker.Add("token");
        masker.AddRange(["password", "token"]);

        Assert.That(masker.Secrets, Is.EqualTo(new[] { "password", "token" }));
        Assert.That(masker.Mask("password token"), Is.EqualTo("*** ***"));
    }

    [Test]
    public async Task Adding_from_many_threads_loses_no_secret()
    {
        var masker = new SecretMasker();
        var secrets = Enumerable.Range(100, 200).Select(i => $"secret-{i}").ToList();

        await Task.WhenAll(secrets.Select(s => Task.Run(() => masker.Add(s))));

        Assert.That(masker.Secrets, Is.EquivalentTo(secrets));
    }
}
