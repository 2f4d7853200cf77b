using System.Text.Json;
using Asp.Versioning;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CrmPlatform.Host.OpenApi;

/// <summary>URL-segment versioning (/api/v1) and the OpenAPI document at /openapi/v1.json.</summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddCrmOpenApi(this IServiceCollection services)
    {
        services.AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(1, 0);
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "CrmPlatform API",
                Version = "v1",
                Description = "Relationship-maintenance CRM (客情维护). Conventions — auth, paging, errors, ETag, idempotency, rate limits — are in docs/api.md.",
            });
            // Non-nullable members are always present, so clients can type them as required.
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            // A nullable enum or object member says so (allOf + nullable: a bare $ref cannot): a generated client must
            // not type an optional enum as required and send its first value for "none".
            options.UseAllOfToExtendReferenceSchemas();
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A login token (POST /api/v1/auth/login) or a personal API token (crm_pat_…).",
            });
            options.OperationFilter<BearerRequirement>();
            options.SchemaFilter<RequiredMembers>();
            options.SchemaFilter<ItemLimits>();
            options.OperationFilter<IdempotencyKeyHeader>();
            options.OperationFilter<QueryParameters>();
        });
        return services;
    }

    public static WebApplication UseCrmOpenApi(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint($"/openapi/{DocumentName}.json", "CrmPlatform API v1");
        });
        return app;
    }

    /// <summary>
    /// Query parameters as clients write them: camelCase names (members of an <c>[AsParameters]</c>
    /// record are PascalCase in C#), and a <see cref="QueryEnum{TEnum}"/> as the enum it takes (a shared
    /// schema), so generated clients type it with the same enum as the JSON bodies.
    /// </summary>
    private sealed class QueryParameters : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var description in context.ApiDescription.ParameterDescriptions.Where(d => d.Source == BindingSource.Query))
            {
                if (operation.Parameters?.FirstOrDefault(p => p.Name == description.Name) is not OpenApiParameter parameter)
                {
                    continue;
                }

                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(description.Name);
                if (QueryEnum.EnumOf(description.Type) is { } enumType)
                {
                    parameter.Schema = context.SchemaGenerator.GenerateSchema(enumType, context.SchemaRepository);
                }
            }
        }
    }

    /// <summary>An object's <c>required</c> list is the one the API enforces when it reads a body (<see cref="ApiJson.IsRequiredMember"/>).</summary>
    private sealed class RequiredMembers : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema { Properties.Count: > 0 } objectSchema)
            {
                return;
            }

            var required = context.Type.GetProperties()
                .Where(ApiJson.IsRequiredMember)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .Where(objectSchema.Properties.ContainsKey)
                .ToHashSet();
            objectSchema.Required = required.Count > 0 ? required : null;
        }
    }

    /// <summary>The items' maxLength of a list of strings marked <see cref="ItemMaxLengthAttribute"/>.</summary>
    private sealed class ItemLimits : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema { Properties.Count: > 0 } objectSchema)
            {
                return;
            }

            foreach (var property in context.Type.GetProperties())
            {
                if (property.GetCustomAttributes(typeof(ItemMaxLengthAttribute), inherit: false) is [ItemMaxLengthAttribute limit]
                    && objectSchema.Properties.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(property.Name), out var list)
                    && list is OpenApiSchema { Items: OpenApiSchema items })
                {
                    items.MaxLength = limit.Length;
                }
            }
        }
    }

    /// <summary>Every operation needs a token except the anonymous ones (login, refresh): said per operation, so the document does not claim otherwise.</summary>
    private sealed class BearerRequirement : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] }];
            }
        }
    }

    /// <summary>Documents the optional Idempotency-Key header on every POST that honours it.</summary>
    private sealed class IdempotencyKeyHeader : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (!string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
                || metadata.OfType<IAllowAnonymous>().Any()
                || metadata.OfType<ExcludeFromIdempotencyAttribute>().Any())
            {
                return;
            }

            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Retry-safe POST: the first response to this key is replayed for 24 h.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyMiddleware.MaxKeyLength },
            });
        }
    }
}
