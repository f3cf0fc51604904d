package org.yiwang.exchange.resource;

/** Whom a resource's records are about: a person (公民身份号码) or an enterprise / legal person (统一社会信用代码). */
public enum SubjectType {

	PERSON, ENTERPRISE

}
