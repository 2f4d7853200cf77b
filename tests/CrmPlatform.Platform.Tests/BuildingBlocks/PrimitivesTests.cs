using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

public sealed class PrimitivesTests
{
    [Theory]
    [InlineData("\"42\"", 42u)]
    [InlineData(" \"7\" ", 7u)]
    public void If_match_with_a_strong_etag_yields_the_version(string header, uint version) =>
        ETags.ParseIfMatch(header).Value.Should().Be(version);

    [Theory]
    [InlineData(null, ErrorKind.PreconditionRequired)]
    [InlineData("", ErrorKind.PreconditionRequired)]
    [InlineData("W/\"42\"", ErrorKind.PreconditionFailed)]
    [InlineData("*", ErrorKind.PreconditionFailed)]
    [InlineData("\"abc\"", ErrorKind.PreconditionFailed)]
    [InlineData("42", ErrorKind.PreconditionFailed)]
    public void If_match_missing_is_428_and_unusable_is_412(string? header, ErrorKind kind) =>
        ETags.ParseIfMatch(header).Error!.Kind.Should().Be(kind);

    [Fact]
    public void A_cursor_round_trips_only_for_its_own_sort()
    {
        var cursor = new Cursor("name", "张伟", Guid.CreateVersion7());

        Cursor.TryDecode(cursor.Encode(), "name", out var decoded).Should().BeTrue();
        decoded.Should().Be(cursor);
        Cursor.TryDecode(cursor.Encode(), "-name", out _).Should().BeFalse();
        Cursor.TryDecode(cursor.Encode()[..^2] + "!!", "name", out _).Should().BeFalse();
        Cursor.TryDecode("e30", "name", out _).Should().BeFalse("'{}' is valid JSON but no cursor");
    }

    [Theory]
    [InlineData("Name", "name")]
    [InlineData("Address.City", "address.city")]
    [InlineData("Lines[0].UnitPrice", "lines[0].unitPrice")]
    public void Validation_errors_are_keyed_by_the_json_field_name(string property, string field) =>
        ValidationBehavior<DummyCommand, Result<int>>.JsonFieldName(property).Should().Be(field);

    [Theory]
    [InlineData("loyal", true)]
    [InlineData("LOYAL", true)]
    [InlineData("3", false)]
    [InlineData("vip", false)]
    [InlineData("", false)]
    public void Enum_query_values_parse_case_insensitively_by_their_json_name_only(string raw, bool valid)
    {
        QueryEnum<Stage>.TryParse(raw, out var parsed).Should().Be(valid);
        if (valid)
        {
            parsed.Value.Should().Be(Stage.Loyal);
        }
    }

    [Fact]
    public void An_enum_query_parameter_is_recognised_and_names_its_values()
    {
        QueryEnum.EnumOf(typeof(QueryEnum<Stage>?)).Should().Be<Stage>();
        QueryEnum.EnumOf(typeof(string)).Should().BeNull();
        QueryEnum.NamesOf(typeof(Stage)).Should().Equal("prospect", "loyal");
    }

    [Theory]
    [InlineData(Roles.Rep, true, false, false)]
    [InlineData(Roles.Manager, true, true, false)]
    [InlineData(Roles.Director, true, true, true)]
    public void Who_may_own_a_record(string role, bool self, bool teammate, bool otherTeam)
    {
        var team = Guid.NewGuid();
        var user = new FixedUser(Guid.NewGuid(), team, role);

        user.CanAssignTo(user.Id, team).Should().Be(self);
        user.CanAssignTo(Guid.NewGuid(), team).Should().Be(teammate);
        user.CanAssignTo(Guid.NewGuid(), Guid.NewGuid()).Should().Be(otherTeam);
    }

    [Fact]
    public void The_widest_role_decides_scope() =>
        Roles.Widest(new[] { Roles.Rep, Roles.Manager }.Contains).Should().Be(Roles.Manager);

    public sealed record DummyCommand : Mediator.ICommand<Result<int>>;

    private enum Stage
    {
        Prospect,
        Loyal,
    }

    private sealed record FixedUser(Guid Id, Guid? TeamId, string Role) : ICurrentUser;
}
