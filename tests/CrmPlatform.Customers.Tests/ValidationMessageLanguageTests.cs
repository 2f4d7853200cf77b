using System.Net;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>The SPA shows the server's field messages under the form field, in the user's language.</summary>
public sealed class ValidationMessageLanguageTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string InvalidCustomer = "{\"name\":\"\",\"kind\":\"person\",\"email\":\"not-an-email\",\"phone\":\"call me\"}";

    [Theory]
    [InlineData(null, "name", "'Name' must not be empty.")]
    [InlineData("en-US,en;q=0.9", "email", "'Email' is not a valid email address.")]
    [InlineData("zh-CN", "name", "必填。")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "email", "不是有效的电子邮箱地址。")]
    [InlineData("zh-CN", "phone", "电话只能包含数字、空格、“-”和开头的“+”。")]
    [InlineData("en", "phone", "Phone may contain digits, spaces, '-' and a leading '+'.")]
    public async Task Field_messages_follow_accept_language_with_english_as_the_default(string? acceptLanguage, string field, string message)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(InvalidCustomer, System.Text.Encoding.UTF8, "application/json") };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var problem = await (await rep.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Be(message);
    }

    [Fact]
    public async Task Query_messages_of_our_own_rules_are_translated_too()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url + "?sort=height");
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        var problem = await (await rep.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("sort")[0].GetString().Should().Be("须为以下之一：createdAtDescending, createdAt, name, nameDescending。");
    }
}
