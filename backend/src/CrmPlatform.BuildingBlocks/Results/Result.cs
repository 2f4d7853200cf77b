using System.Diagnostics.CodeAnalysis;

namespace CrmPlatform.BuildingBlocks.Results;

/// <summary>Lets pipeline behaviors build a failed response of any result type.</summary>
public interface IFailable<out TSelf>
{
    Error? Error { get; }

    static abstract TSelf Failure(Error error);
}

/// <summary>Either a value or a typed <see cref="Results.Error"/>.</summary>
public sealed class Result<T> : IFailable<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"A failed result has no value ({Error.Code}).");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
