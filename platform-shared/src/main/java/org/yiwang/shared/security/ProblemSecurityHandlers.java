package org.yiwang.shared.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem details, with the Bearer challenge on 401; a token that could not be checked because the
 * identity provider's keys were unreachable is 503 {@code identity-provider-unavailable} (retry), not the caller's
 * fault.
 */
public final class ProblemSecurityHandlers {

	private ProblemSecurityHandlers() {
	}

	public static AuthenticationEntryPoint authenticationEntryPoint() {
		return (request, response, ex) -> {
			if (ex instanceof AuthenticationServiceException) {
				response.setHeader("Retry-After", "5");
				write(response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
						"Identity provider unavailable", "the bearer token could not be checked now; retry shortly");
				return;
			}
			response.setHeader("WWW-Authenticate", "Bearer realm=\"gov\"");
			write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
					"a valid bearer token is required");
		};
	}

	public static AccessDeniedHandler accessDeniedHandler() {
		return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"your roles do not allow this request");
	}

	static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"https://yiwang.dev/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

}
