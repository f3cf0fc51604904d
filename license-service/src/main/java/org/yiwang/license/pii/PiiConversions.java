package org.yiwang.license.pii;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Every {@link Sealed} property is written to MongoDB encrypted and read back plain: one place, so no repository
 * or query can store personal data in the clear by mistake.
 */
@Configuration(proxyBeanMethods = false)
class PiiConversions {

	@Bean
	MongoCustomConversions mongoCustomConversions(PiiProtection protection) {
		return new MongoCustomConversions(List.of(new Writing(protection), new Reading(protection)));
	}

	@WritingConverter
	record Writing(PiiProtection protection) implements Converter<Sealed, String> {

		@Override
		public String convert(Sealed source) {
			return protection.encrypt(source.value());
		}

	}

	@ReadingConverter
	record Reading(PiiProtection protection) implements Converter<String, Sealed> {

		@Override
		public Sealed convert(String source) {
			return new Sealed(protection.decrypt(source));
		}

	}

}
