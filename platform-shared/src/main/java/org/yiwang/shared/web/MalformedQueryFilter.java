package org.yiwang.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a query string that is not valid percent-encoded UTF-8 ({@code ?x=%ff}, {@code ?x=%zz}) with a 400
 * problem naming the parameter, before anything asks Tomcat for a parameter: Tomcat 11 throws from
 * {@code getParameter} on such a query, which surfaced as a 500.
 */
public class MalformedQueryFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Problems.FieldError problem = RequestTargets.queryProblem(request.getQueryString());
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(400);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write(Problems.json(400, "validation", "Invalid request",
					"the request is invalid: " + problem.field() + " " + problem.rule(), problem));
	}

}
