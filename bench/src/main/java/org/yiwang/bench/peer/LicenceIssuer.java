package org.yiwang.bench.peer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task after each department's approval: issues that department's licence — a number from a database
 * sequence, a signed credential ({@link LicenceSigner}), a row in {@code PEER_LICENCE} — inside the engine's own
 * transaction, so the licence exists exactly when the approval does. {@code UNIQUE (PROC_INST_ID, DEPARTMENT)}
 * makes a second licence for the same case impossible. The number is also kept as a process variable
 * ({@code licence_<department>}).
 *
 * <p>
 * One instance serves every execution of its service task (Flowable injects the fields once): stateless.
 */
public class LicenceIssuer implements JavaDelegate {

	static final String CREATE_TABLE = """
			CREATE TABLE IF NOT EXISTS PEER_LICENCE (
			  NUMBER VARCHAR(64) PRIMARY KEY,
			  PROC_INST_ID VARCHAR(64) NOT NULL,
			  DEPARTMENT VARCHAR(16) NOT NULL,
			  LICENCE_TYPE VARCHAR(16) NOT NULL,
			  HOLDER VARCHAR(64) NOT NULL,
			  ISSUED_AT TIMESTAMP NOT NULL,
			  FIELDS VARCHAR(4000),
			  CREDENTIAL VARCHAR(8000) NOT NULL,
			  CONSTRAINT PEER_LICENCE_ONCE UNIQUE (PROC_INST_ID, DEPARTMENT))""";

	static final String CREATE_SEQUENCE = "CREATE SEQUENCE IF NOT EXISTS PEER_LICENCE_SERIAL START WITH 1";

	private Expression department;

	private Expression licenceType;

	public void setDepartment(Expression department) {
		this.department = department;
	}

	public void setLicenceType(Expression licenceType) {
		this.licenceType = licenceType;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String issuer = (String) department.getValue(execution);
		String type = (String) licenceType.getValue(execution);
		String holder = (String) execution.getVariable("applicant");
		Object fields = execution.getVariable("licenceData_" + issuer);
		Instant issuedAt = Instant.now();
		Connection connection = Context.getCommandContext().getSession(DbSqlSession.class).getSqlSession().getConnection();
		try {
			long serial;
			try (PreparedStatement next = connection.prepareStatement("SELECT NEXT VALUE FOR PEER_LICENCE_SERIAL");
					ResultSet row = next.executeQuery()) {
				row.next();
				serial = row.getLong(1);
			}
			String number = LicenceNumbers.number(type, issuer, issuedAt.atZone(ZoneOffset.UTC).getYear(), serial);
			String credential = LicenceSigner.sign(number, type, issuer, holder, issuedAt, fields);
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO PEER_LICENCE (NUMBER, PROC_INST_ID, DEPARTMENT, LICENCE_TYPE, HOLDER, ISSUED_AT, FIELDS, CREDENTIAL)"
							+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
				insert.setString(1, number);
				insert.setString(2, execution.getProcessInstanceId());
				insert.setString(3, issuer);
				insert.setString(4, type);
				insert.setString(5, holder);
				insert.setTimestamp(6, Timestamp.from(issuedAt));
				insert.setString(7, fields == null ? null : fields.toString());
				insert.setString(8, credential);
				insert.executeUpdate();
			}
			execution.setVariable("licence_" + issuer, number);
		}
		catch (SQLException ex) {
			throw new FlowableException("issuing the " + issuer + " licence failed", ex);
		}
	}

}
