<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents (one, or a c:Batch of them) to one pain.002.001.10 customer payment
  status report: how the adapter answers the senders of ISO 20022 payment messages (camt054,
  pacs008), as CEB412 answers CEB411 senders.

  - Group header: the report's id (the message guid without hyphens, 32 characters) and time.
  - Original group: the message answered (its GrpHdr/MsgId, NOTPROVIDED when it could not be read,
    and its ISO message name), how many transactions it held, the group status and, for a message
    refused before any transaction could be read (not XML, unknown format, too large), every error.
  - Original payment information: the transactions, grouped by the notification (camt.054
    Ntfctn/Id) or the message (pacs.008 GrpHdr/MsgId) they came in, each with its references
    (instruction, end to end, UETR), its status and its reasons.

  Statuses (ExternalPaymentTransactionStatus1Code / ExternalPaymentGroupStatus1Code): accepted is
  ACCP (schema and rules passed, and the sender is the partner its credentials say: "technical
  validation and customer profile check successful"), refused and duplicate are RJCT, a group
  with both is PART. Reasons (ExternalStatusReason1Code) come from the table p:reasons below; each
  reason's AddtlInf lines (105 characters each) say the adapter's code, the line, column and
  element path of the error in the message as received, and the description.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:p="urn:wco-ecom-adapter:pain002"
    xmlns:err="urn:wco-ecom-adapter:errors"
    xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"
    exclude-result-prefixes="#all">

  <!-- the receipt's own id; the first response's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>

  <!-- the ISO message definitions of the formats answered -->
  <xsl:variable name="p:message-names" static="yes" as="map(xs:string, xs:string)"
      select="map{'camt054': 'camt.054.001.08', 'pacs008': 'pacs.008.001.09'}"/>

  <!-- canonical outcome -> transaction status -->
  <xsl:variable name="p:statuses" static="yes" as="map(xs:string, xs:string)" select="map{
      'ACCEPTED': 'ACCP', 'RECEIVED': 'RCVD', 'UNDER_CONTROL': 'PDNG', 'RELEASED': 'ACCP', 'CLOSED': 'ACCP',
      'DUPLICATE': 'RJCT', 'REJECTED': 'RJCT', 'ERROR': 'RJCT', 'CANCELLED': 'RJCT'}"/>

  <!-- adapter error code (or rule code) -> ISO external status reason -->
  <xsl:variable name="p:reasons" static="yes" as="map(xs:string, xs:string)" select="map{
      'XML_MALFORMED': 'FF01', 'MESSAGE_EMPTY': 'FF01', 'FORMAT_UNKNOWN': 'FF01', 'FORMAT_NOT_ACCEPTED': 'FF01',
      'XML_FORBIDDEN': 'FF01', 'MESSAGE_TOO_LARGE': 'FF01',
      'SCHEMA_INVALID': 'FF02',
      'UNAUTHENTICATED': 'AG08', 'PARTNER_UNKNOWN': 'AG08', 'PARTNER_FORBIDDEN': 'AG08', 'SENDER_NOT_AUTHORISED': 'AG08',
      'PAYMENT_REFERENCE_MISSING': 'FF08',
      'PAYMENT_ENTERPRISE_UNKNOWN': 'RC05',
      'PLATFORM_UNKNOWN': 'AC03',
      'ORDER_NUMBER_MISSING': 'RR07',
      'PAYER_NAME_MISSING': 'RR02', 'PAYER_NAME_TOO_LONG': 'BE20', 'PAYER_ID_MISSING': 'RR01',
      'AMOUNT_MISSING': 'AM12', 'CURRENCY_NOT_CNY': 'AM03',
      'PAYMENT_TIME_MISSING': 'DT01',
      'CC-PAID-AMOUNT': 'AM09', 'CC-PAYER': 'BE16', 'CC-PLATFORM': 'BE17',
      'SCREEN-PROHIBITED': 'RR04', 'SCREEN-NOT-LISTED': 'RR04',
      'CANONICAL_INVALID': 'FF10', 'OUTPUT_INVALID': 'FF10', 'INTERNAL': 'FF10'}"/>
  <!-- a duplicate, and any refusal no code above describes better -->
  <xsl:variable name="p:duplicate" select="'AM05'"/>
  <xsl:variable name="p:narrative" select="'NARR'"/>

  <xsl:variable name="p:max-line" select="105"/>

  <xsl:template match="/">
    <xsl:variable name="responses" select="c:Response | c:Batch/c:Response"/>
    <xsl:if test="empty($responses) or exists(c:Batch/*[not(self::c:Response)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a pain.002 carries canonical Response documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$responses[1]"/>
    <xsl:variable name="transactions" select="$responses[c:RefersTo/c:RecordId]"/>
    <xsl:variable name="general" select="$responses except $transactions"/>
    <Document>
      <CstmrPmtStsRpt>
        <GrpHdr>
          <MsgId><xsl:value-of select="substring(translate(($message-guid[.], $first/c:ResponseId)[1], '-', ''), 1, 35)"/></MsgId>
          <CreDtTm><xsl:value-of select="$first/c:IssueDateTime"/></CreDtTm>
        </GrpHdr>
        <OrgnlGrpInfAndSts>
          <OrgnlMsgId><xsl:value-of select="p:max35(($first/c:RefersTo/c:MessageId[normalize-space()], 'NOTPROVIDED')[1])"/></OrgnlMsgId>
          <OrgnlMsgNmId><xsl:value-of select="p:max35(p:message-name(string($first/c:RefersTo/c:Format)))"/></OrgnlMsgNmId>
          <xsl:if test="exists($transactions)">
            <OrgnlNbOfTxs><xsl:value-of select="count($transactions)"/></OrgnlNbOfTxs>
          </xsl:if>
          <GrpSts><xsl:value-of select="p:group-status(if (exists($transactions)) then $transactions else $general)"/></GrpSts>
          <xsl:for-each select="$general">
            <xsl:call-template name="p:reasons"/>
          </xsl:for-each>
          <xsl:for-each-group select="$transactions" group-by="p:status(.)">
            <NbOfTxsPerSts>
              <DtldNbOfTxs><xsl:value-of select="count(current-group())"/></DtldNbOfTxs>
              <DtldSts><xsl:value-of select="current-grouping-key()"/></DtldSts>
            </NbOfTxsPerSts>
          </xsl:for-each-group>
        </OrgnlGrpInfAndSts>
        <xsl:for-each-group select="$transactions" group-by="p:payment-information(.)">
          <OrgnlPmtInfAndSts>
            <OrgnlPmtInfId><xsl:value-of select="p:max35(current-grouping-key())"/></OrgnlPmtInfId>
            <OrgnlNbOfTxs><xsl:value-of select="count(current-group())"/></OrgnlNbOfTxs>
            <PmtInfSts><xsl:value-of select="p:group-status(current-group())"/></PmtInfSts>
            <xsl:for-each select="current-group()">
              <xsl:call-template name="p:transaction"/>
            </xsl:for-each>
          </OrgnlPmtInfAndSts>
        </xsl:for-each-group>
      </CstmrPmtStsRpt>
    </Document>
  </xsl:template>

  <!-- One transaction's status: its references as the sender gave them, status, reasons -->
  <xsl:template name="p:transaction">
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <xsl:variable name="end-to-end" select="$refs[@type = 'END_TO_END_ID'][normalize-space()]"/>
    <xsl:variable name="uetr" select="$refs[@type = 'UETR'][matches(., '^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$')]"/>
    <xsl:variable name="instruction" select="$refs[@type = 'INSTRUCTION_ID'][normalize-space()]"/>
    <TxInfAndSts>
      <xsl:for-each select="$instruction[1]"><OrgnlInstrId><xsl:value-of select="p:max35(.)"/></OrgnlInstrId></xsl:for-each>
      <xsl:for-each select="$end-to-end[1]"><OrgnlEndToEndId><xsl:value-of select="p:max35(.)"/></OrgnlEndToEndId></xsl:for-each>
      <xsl:for-each select="$uetr[1]"><OrgnlUETR><xsl:value-of select="."/></OrgnlUETR></xsl:for-each>
      <TxSts><xsl:value-of select="p:status(.)"/></TxSts>
      <xsl:call-template name="p:reasons"/>
      <xsl:for-each select="c:AcceptanceDateTime"><AccptncDtTm><xsl:value-of select="."/></AccptncDtTm></xsl:for-each>
    </TxInfAndSts>
  </xsl:template>

  <!-- The reasons of one response: its message first (with a reason code when it is a refusal
       without errors: a duplicate, or a record refused for another record's errors), then one
       StsRsnInf per error -->
  <xsl:template name="p:reasons">
    <xsl:variable name="refused" select="p:status(.) = 'RJCT'"/>
    <xsl:if test="normalize-space(c:Message) or ($refused and empty(c:Error))">
      <StsRsnInf>
        <xsl:if test="$refused and empty(c:Error)">
          <Rsn><Cd><xsl:value-of select="if (c:Outcome = 'DUPLICATE') then $p:duplicate else $p:narrative"/></Cd></Rsn>
        </xsl:if>
        <xsl:sequence select="p:lines(p:summary(.))"/>
      </StsRsnInf>
    </xsl:if>
    <xsl:for-each select="c:Error">
      <StsRsnInf>
        <Rsn><Cd><xsl:value-of select="p:reason(c:Code)"/></Cd></Rsn>
        <xsl:sequence select="p:lines(c:Code || ' '
            || (if (c:Pointer[c:Line > 0]) then c:Pointer[1]/c:Line || ':' || (c:Pointer[1]/c:Column, 0)[1] || ' ' || c:Pointer[1]/c:Path || ' '
                else if (c:Pointer) then string-join(c:Pointer/c:Path, ', ') || ': ' else '')
            || c:Description)"/>
      </StsRsnInf>
    </xsl:for-each>
  </xsl:template>

  <!-- The response's message, naming the payment by its transaction id when the message does not
       (a later answer, after the three-document check, knows the payment by that id only) -->
  <xsl:function name="p:summary" as="xs:string">
    <xsl:param name="response" as="element(c:Response)"/>
    <xsl:variable name="message" select="($response/c:Message[normalize-space()], string($response/c:Outcome))[1]"/>
    <xsl:variable name="payment" select="$response/c:RefersTo/c:Reference[@type = 'PAYMENT_TRANSACTION_ID'][normalize-space()][1]"/>
    <xsl:sequence select="if (empty($payment) or contains($message, $payment)) then $message else 'payment ' || $payment || ': ' || $message"/>
  </xsl:function>

  <xsl:function name="p:status" as="xs:string">
    <xsl:param name="response" as="element(c:Response)"/>
    <xsl:sequence select="($p:statuses(string($response/c:Outcome)), 'RJCT')[1]"/>
  </xsl:function>

  <!-- all the same: that status; accepted and refused ones together: partially accepted -->
  <xsl:function name="p:group-status" as="xs:string">
    <xsl:param name="responses" as="element(c:Response)*"/>
    <xsl:variable name="statuses" select="distinct-values($responses ! p:status(.))"/>
    <xsl:sequence select="if (count($statuses) = 1) then $statuses
                          else if ($statuses = 'RJCT') then 'PART' else $statuses[1]"/>
  </xsl:function>

  <xsl:function name="p:reason" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:sequence select="($p:reasons(normalize-space($code)), $p:narrative)[1]"/>
  </xsl:function>

  <xsl:function name="p:message-name" as="xs:string">
    <xsl:param name="format" as="xs:string"/>
    <xsl:sequence select="($p:message-names($format), $format[normalize-space()], 'NOTPROVIDED')[1]"/>
  </xsl:function>

  <!-- the notification or message the transaction came in -->
  <xsl:function name="p:payment-information" as="xs:string">
    <xsl:param name="response" as="element(c:Response)"/>
    <xsl:sequence select="($response/c:RefersTo/c:Reference[@type = 'PAYMENT_INFORMATION_ID'][normalize-space()],
                           $response/c:RefersTo/c:MessageId[normalize-space()], 'NOTPROVIDED')[1]"/>
  </xsl:function>

  <xsl:function name="p:max35" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="substring($text, 1, 35)"/>
  </xsl:function>

  <!-- A text as AddtlInf lines of at most 105 characters, broken between words where it can be -->
  <xsl:function name="p:lines" as="element()*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:iterate select="tokenize(normalize-space($text), ' ')[.] ! p:cut(.)">
      <xsl:param name="line" as="xs:string" select="''"/>
      <xsl:on-completion>
        <xsl:if test="$line"><AddtlInf><xsl:value-of select="$line"/></AddtlInf></xsl:if>
      </xsl:on-completion>
      <xsl:choose>
        <xsl:when test="not($line)">
          <xsl:next-iteration><xsl:with-param name="line" select="."/></xsl:next-iteration>
        </xsl:when>
        <xsl:when test="string-length($line) + 1 + string-length(.) le $p:max-line">
          <xsl:next-iteration><xsl:with-param name="line" select="$line || ' ' || ."/></xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <AddtlInf><xsl:value-of select="$line"/></AddtlInf>
          <xsl:next-iteration><xsl:with-param name="line" select="."/></xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- a word longer than a line, in pieces that are -->
  <xsl:function name="p:cut" as="xs:string+">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="for $i in 0 to (string-length($word) - 1) idiv $p:max-line return substring($word, $i * $p:max-line + 1, $p:max-line)"/>
  </xsl:function>
</xsl:stylesheet>
