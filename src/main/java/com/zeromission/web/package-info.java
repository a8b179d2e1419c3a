/**
 * The web edge shared by all modules: security (roles per endpoint, users, API tokens), request limits and the
 * translation of generic request errors into RFC 9457 problem details. Business modules keep their own controllers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web edge",
        allowedDependencies = {"audit", "limits", "privacy"})
@org.jspecify.annotations.NullMarked
package com.zeromission.web;
