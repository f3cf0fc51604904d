package org.yiwang.shared.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a servlet service as RFC 9457 problem details ({@code application/problem+json}); validation
 * failures list each offending field and rule in {@code errors}. Client mistakes are 4xx, never 500.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> domain(DomainException ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.problemType(), ex.status().getReasonPhrase(),
				ex.getMessage());
		if (ex.field() != null) {
			Problems.withErrors(problem, List.of(new Problems.FieldError(ex.field(), ex.rule())));
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
					"the resource was changed by someone else; reload it and try again"));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Problems.of(HttpStatus.CONFLICT, "duplicate", "Duplicate", "a resource with this key already exists"));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		List<Problems.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new Problems.FieldError(String.valueOf(v.getPropertyPath()), v.getMessage()))
			.toList();
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String type = ex.getRequiredType() != null ? ex.getRequiredType().getSimpleName() : "the expected type";
		return ResponseEntity.badRequest()
			.body(validationProblem(List.of(new Problems.FieldError(ex.getName(), "must be a valid " + type))));
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, truncated, not multipart at all). Too large is 413,
	 * handled by the superclass ({@code MaxUploadSizeExceededException}).
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> malformedMultipart(MultipartException ex) {
		if (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException tooLarge) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "413", "Content Too Large",
						"the upload exceeds the size limit"));
		}
		return ResponseEntity.badRequest()
			.body(validationProblem(List.of(new Problems.FieldError("body",
					"must be multipart/form-data with a boundary and well-formed parts"))));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		if (clientMistake(ex)) {
			// Tomcat's parameter or body parser refused the request (e.g. a form body that is not valid UTF-8)
			return ResponseEntity.badRequest()
				.body(validationProblem(List.of(new Problems.FieldError("body", "could not be parsed"))));
		}
		log.error("unexpected error", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
					"an unexpected error occurred; quote correlation id " + Correlation.current()));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(e -> errors.add(new Problems.FieldError(e.getField(), e.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(new Problems.FieldError(e.getObjectName(), e.getDefaultMessage())));
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(e -> errors.add(new Problems.FieldError(name, e.getDefaultMessage())));
		}
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = "body";
		String rule = "must be a valid JSON document";
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof JacksonException jackson) {
				field = jsonPath(jackson);
				rule = "body".equals(field) ? "must be a valid JSON document" : "has an invalid value or type";
			}
			if (cause instanceof DomainException domain && domain.field() != null) {
				field = domain.field();
				rule = domain.rule();
				break;
			}
			if (cause instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
				rule = illegal.getMessage();
			}
			cause = cause.getCause();
		}
		return ResponseEntity.badRequest().body(validationProblem(List.of(new Problems.FieldError(field, rule))));
	}

	private static boolean clientMistake(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getName();
			if (name.equals("org.apache.tomcat.util.http.InvalidParameterException")
					|| name.equals("org.apache.coyote.BadRequestException")) {
				return true;
			}
		}
		return false;
	}

	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach(ref -> {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		});
		return path.isEmpty() ? "body" : path.toString();
	}

	private static ProblemDetail validationProblem(List<Problems.FieldError> errors) {
		String detail = errors.isEmpty() ? "the request is invalid"
				: "the request is invalid: " + String.join("; ",
						errors.stream().map(e -> e.field() + " " + e.rule()).toList());
		return Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail),
				errors);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(java.net.URI.create(Problems.TYPE_BASE + statusCode.value()));
		}
		return response;
	}

}
