package com.zeromission.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** What the OpenAPI document at /v3/api-docs says about the API as a whole: its name, version and how to sign in. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI zeromissionApi() {
        return new OpenAPI()
                .info(new Info().title("zeromission API").version("v1")
                        .description("Complaints and feedback in, masked; problems, complaints per million purchases, "
                                + "insights and their measured effect out. Every endpoint names the roles it allows."))
                .schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .schemaRequirement("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("an API token (zm_...) made by an admin: POST /api/v1/tokens"))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
