<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the ISO 20022 payment formats (camt054, pacs008) share on their way to canonical Payment
  documents: the tables of the parties ISO messages do not name in China customs terms, how an
  order number is read from remittance information, the payer, the CNY amount, and the Payment
  document itself.

  A canonical Payment is forwarded to China customs as a CEB411 payment voucher
  (routes/egress.yaml), which needs: the payment enterprise's customs code and name, the
  platform's customs code and name, the order number, the payer's name (at most 60 characters)
  and identity document, the amount in CNY (CEB411 knows no other currency) and the payment time.
  A transaction that cannot give all of them is refused here, with the element it lacks, rather
  than accepted and then failing on its way to customs. The codes raised (err:*) are answered in
  pain.002 with an ISO status reason (mappings/pain002/from-canonical.xsl).

  The tables (read when the stylesheet is compiled, like mappings/codelists):
    payment-enterprises.csv  the BIC of a bank or payment institution that sends ISO 20022
                             messages -> its China customs registration (payCode, payName) and
                             data-exchange id; matched on the BIC's first 8 characters (the
                             institution), so DEMOCNSH, DEMOCNSHXXX and DEMOCNSH300 are the same
    collection-accounts.csv  a platform's collection account (IBAN, or the account number in
                             Othr/Id) -> the platform's customs code and name: ISO messages name
                             the account credited, never the e-commerce platform
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:iso="urn:wco-ecom-adapter:iso20022"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/adapter.xsl"/>

  <!-- the partner the message came from (when not given: the sending institution's BIC) -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <!-- BIC (first 8 characters) -> (customs code, name, data-exchange id) -->
  <xsl:variable name="iso:payment-enterprises" static="yes" as="map(xs:string, xs:string*)"
      select="map:merge(for $l in tail(unparsed-text-lines(resolve-uri('payment-enterprises.csv', static-base-uri())))[normalize-space()]
                        return map:entry(substring(normalize-space(tokenize($l, ',')[1]), 1, 8), tail(tokenize($l, ',')) ! normalize-space()))"/>
  <!-- collection account -> (platform customs code, platform name) -->
  <xsl:variable name="iso:collection-accounts" static="yes" as="map(xs:string, xs:string*)"
      select="map:merge(for $l in tail(unparsed-text-lines(resolve-uri('collection-accounts.csv', static-base-uri())))[normalize-space()]
                        return map:entry(normalize-space(tokenize($l, ',')[1]), tail(tokenize($l, ',')) ! normalize-space()))"/>

  <!-- An order number in unstructured remittance information: a line that starts with a marker
       and a separator, then the number (up to 60 characters without spaces or commas). The marker
       is ORDER (any case, optionally after a slash) followed by a colon, full-width colon, slash or
       #, or 订单号 / 订单编号 followed by one of those or by spaces: "ORDER:YX1", "/ORDER/YX1",
       "订单号：YX20261121091502018", "订单号 YX1". An English word after ORDER ("Order payment")
       is not taken for a number. -->
  <xsl:variable name="iso:order-line" as="xs:string"
      select="'^\s*(?:/?ORDER\s*[:：/#]|订单编号\s*[:：/#]?|订单号\s*[:：/#]?)\s*([^\s,;，；]{1,60})'"/>

  <!-- The CEB411 payment voucher's limit on the payer's name -->
  <xsl:variable name="iso:max-payer-name" select="60"/>

  <!-- The platform's order number: a referred document of type PUOR (purchase order) in
       structured remittance information, else the first unstructured line in the form above -->
  <xsl:function name="iso:order-number" as="xs:string?">
    <xsl:param name="remittance" as="element()?"/>
    <xsl:variable name="structured" select="$remittance/*:Strd/*:RfrdDocInf[*:Tp/*:CdOrPrtry/*:Cd = 'PUOR']/*:Nb[normalize-space()]"/>
    <xsl:variable name="unstructured" select="$remittance/*:Ustrd[matches(., $iso:order-line, 'i')]"/>
    <xsl:sequence select="($structured[1] ! normalize-space(),
                           $unstructured[1] ! replace(., $iso:order-line || '.*', '$1', 'is'))[1]"/>
  </xsl:function>

  <!-- The first candidate reference that is given (NOTPROVIDED is the standard's way of giving none) -->
  <xsl:function name="iso:reference" as="xs:string?">
    <xsl:param name="candidates" as="element()*"/>
    <xsl:sequence select="($candidates[normalize-space()][normalize-space() != 'NOTPROVIDED'] ! normalize-space())[1]"/>
  </xsl:function>

  <!-- ISO date or date-time to xs:dateTime (a date is taken at its midnight) -->
  <xsl:function name="iso:date-time" as="xs:string?">
    <xsl:param name="value" as="element()?"/>
    <xsl:sequence select="if (empty($value)) then ()
        else if (normalize-space($value) castable as xs:dateTime) then string(xs:dateTime(normalize-space($value)))
        else if (normalize-space($value) castable as xs:date) then string(dateTime(xs:date(normalize-space($value)), xs:time('00:00:00')))
        else ()"/>
  </xsl:function>

  <xsl:function name="iso:fail" as="empty-sequence()">
    <xsl:param name="code" as="xs:string"/>
    <xsl:param name="message" as="xs:string"/>
    <xsl:param name="at" as="node()"/>
    <xsl:sequence select="error(QName('urn:wco-ecom-adapter:errors', 'err:' || $code), $message, $at)"/>
  </xsl:function>

  <!--
    One canonical Payment document.
      format, version        the partner format id and the ISO message version (001.08)
      message-id             GrpHdr/MsgId
      index                  position of the record among the message's records, from 1
      record                 the transaction element (errors without a more precise place point at it)
      key                    the payment transaction id, also the record's business key
      remittance             RmtInf
      institution-bic        the BIC of the sending bank or payment institution (BICFI), if given
      institution            the element that names it, or should (for errors)
      credited-account       the account credited (CashAccount Id), if given
      creditor               the element that holds it, or should (for errors)
      payer                  the debtor (PartyIdentification135), if given
      amounts                the transaction's amounts, most precise first: the first in CNY is taken
      paid-at                when the payment was made (xs:dateTime lexical form), if known
      issued-at              when the message (or notification) was created
  -->
  <xsl:template name="iso:payment">
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="version" as="xs:string"/>
    <xsl:param name="message-id" as="xs:string"/>
    <xsl:param name="index" as="xs:integer"/>
    <xsl:param name="record" as="element()"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="remittance" as="element()?"/>
    <xsl:param name="institution-bic" as="element()?"/>
    <xsl:param name="institution" as="element()"/>
    <xsl:param name="credited-account" as="element()?"/>
    <xsl:param name="creditor" as="element()"/>
    <xsl:param name="payer" as="element()?"/>
    <xsl:param name="amounts" as="element()*"/>
    <xsl:param name="paid-at" as="xs:string?"/>
    <xsl:param name="issued-at" as="xs:string"/>

    <xsl:variable name="bic" select="normalize-space($institution-bic)"/>
    <xsl:variable name="enterprise" select="if ($bic) then $iso:payment-enterprises(substring($bic, 1, 8)) else ()"/>
    <xsl:variable name="account" select="normalize-space(($credited-account/*:IBAN, $credited-account/*:Othr/*:Id)[1])"/>
    <xsl:variable name="platform" select="if ($account) then $iso:collection-accounts($account) else ()"/>
    <xsl:variable name="order" select="iso:order-number($remittance)"/>
    <xsl:variable name="amount" select="$amounts[@Ccy = 'CNY'][1]"/>
    <xsl:variable name="person" select="$payer/*:Id/*:PrvtId"/>
    <xsl:variable name="document" select="($person/*:Othr[*:SchmeNm/*:Cd = 'NIDN'], $person/*:Othr[*:SchmeNm/*:Cd = 'CCPT'], $person/*:Othr)[1]"/>

    <xsl:choose>
      <xsl:when test="not($key)">
        <xsl:sequence select="iso:fail('PAYMENT_REFERENCE_MISSING', 'the transaction has no reference to identify the payment by', $record)"/>
      </xsl:when>
      <xsl:when test="not($bic)">
        <xsl:sequence select="iso:fail('PAYMENT_ENTERPRISE_UNKNOWN', 'the BIC of the bank or payment institution (BICFI) is missing: it names the payment enterprise declared to customs', $institution)"/>
      </xsl:when>
      <xsl:when test="empty($enterprise)">
        <xsl:sequence select="iso:fail('PAYMENT_ENTERPRISE_UNKNOWN', 'BIC ' || $bic || ' is not a payment enterprise registered with customs here (mappings/iso20022-common/payment-enterprises.csv)', $institution-bic)"/>
      </xsl:when>
      <xsl:when test="not($account)">
        <xsl:sequence select="iso:fail('PLATFORM_UNKNOWN', 'the account credited is missing: it names the e-commerce platform paid', $creditor)"/>
      </xsl:when>
      <xsl:when test="empty($platform)">
        <xsl:sequence select="iso:fail('PLATFORM_UNKNOWN', 'account ' || $account || ' is not the collection account of an e-commerce platform (mappings/iso20022-common/collection-accounts.csv)', ($credited-account/*:IBAN, $credited-account/*:Othr/*:Id)[1])"/>
      </xsl:when>
      <xsl:when test="not($order)">
        <xsl:sequence select="iso:fail('ORDER_NUMBER_MISSING', 'the remittance information names no order: give it as a referred document of type PUOR (Strd/RfrdDocInf/Nb) or a line ORDER:number', ($remittance, $record)[1])"/>
      </xsl:when>
      <xsl:when test="empty($payer) or not(normalize-space($payer/*:Nm))">
        <xsl:sequence select="iso:fail('PAYER_NAME_MISSING', 'the payer (debtor) and its name are needed for the customs payment voucher', ($payer, $record)[1])"/>
      </xsl:when>
      <xsl:when test="string-length($payer/*:Nm) gt $iso:max-payer-name">
        <xsl:sequence select="iso:fail('PAYER_NAME_TOO_LONG', 'the payer''s name has ' || string-length($payer/*:Nm) || ' characters; the customs payment voucher takes at most ' || $iso:max-payer-name, $payer/*:Nm)"/>
      </xsl:when>
      <xsl:when test="empty($document)">
        <xsl:sequence select="iso:fail('PAYER_ID_MISSING', 'the payer''s identity document (Id/PrvtId/Othr, scheme NIDN for a resident identity card) is needed for the customs payment voucher', $payer)"/>
      </xsl:when>
      <xsl:when test="empty($amounts)">
        <xsl:sequence select="iso:fail('AMOUNT_MISSING', 'the transaction gives no amount', $record)"/>
      </xsl:when>
      <xsl:when test="empty($amount)">
        <xsl:sequence select="iso:fail('CURRENCY_NOT_CNY', 'the amount is in ' || string-join(distinct-values($amounts/@Ccy), ', ') || ' and no CNY amount is given; the customs payment voucher is in CNY', $amounts[1])"/>
      </xsl:when>
      <xsl:when test="not($paid-at)">
        <xsl:sequence select="iso:fail('PAYMENT_TIME_MISSING', 'the transaction gives no time of payment (acceptance or booking date)', $record)"/>
      </xsl:when>
    </xsl:choose>

    <xsl:variable name="telephone" select="($payer/*:CtctDtls/*:MobNb, $payer/*:CtctDtls/*:PhneNb)[normalize-space()][1]"/>
    <xsl:document>
      <c:Payment>
        <c:Header>
          <c:RecordId><xsl:value-of select="($partner[.], $bic)[1] || ':' || adapter:record-key($record)"/></c:RecordId>
          <c:Function>ORIGINAL</c:Function>
          <c:IssueDateTime><xsl:value-of select="$issued-at"/></c:IssueDateTime>
          <c:Source>
            <c:Partner><xsl:value-of select="($partner[.], $bic)[1]"/></c:Partner>
            <c:Format><xsl:value-of select="$format"/></c:Format>
            <c:MessageId><xsl:value-of select="$message-id"/></c:MessageId>
            <c:MessageVersion><xsl:value-of select="$version"/></c:MessageVersion>
            <c:RecordIndex><xsl:value-of select="$index"/></c:RecordIndex>
            <xsl:if test="$channel"><c:Channel><xsl:value-of select="$channel"/></c:Channel></xsl:if>
            <xsl:if test="exists($received-at)"><c:ReceivedAt><xsl:value-of select="$received-at"/></c:ReceivedAt></xsl:if>
            <!-- the payment enterprise transmits its own vouchers to customs -->
            <c:Transmission>
              <c:Sender>
                <c:Code><xsl:value-of select="$enterprise[1]"/></c:Code>
                <c:Name><xsl:value-of select="$enterprise[2]"/></c:Name>
                <c:Mode>DXP</c:Mode>
                <c:Address><xsl:value-of select="$enterprise[3]"/></c:Address>
              </c:Sender>
            </c:Transmission>
          </c:Source>
        </c:Header>
        <c:PaymentTransactionId><xsl:value-of select="$key"/></c:PaymentTransactionId>
        <c:OrderNumber><xsl:value-of select="$order"/></c:OrderNumber>
        <c:Party role="PAYMENT_SERVICE_PROVIDER">
          <c:Name><xsl:value-of select="$enterprise[2]"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$enterprise[1]"/></c:Identifier>
          <c:Identifier scheme="BIC"><xsl:value-of select="$bic"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="PLATFORM">
          <c:Name><xsl:value-of select="$platform[2]"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$platform[1]"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="PAYER">
          <c:Name><xsl:value-of select="$payer/*:Nm"/></c:Name>
          <xsl:call-template name="iso:person-id">
            <xsl:with-param name="document" select="$document"/>
          </xsl:call-template>
          <c:TypeOfPerson>NATURAL</c:TypeOfPerson>
          <xsl:for-each select="$telephone"><c:Communication type="TE"><xsl:value-of select="."/></c:Communication></xsl:for-each>
        </c:Party>
        <c:Amount currency="CNY"><xsl:value-of select="normalize-space($amount)"/></c:Amount>
        <c:PaidAt><xsl:value-of select="$paid-at"/></c:PaidAt>
      </c:Payment>
    </xsl:document>
  </xsl:template>

  <!-- A national identity number issued in China (or by no one named) is a resident identity card;
       anything else (passport, foreign identity card, ...) another identity document. The ISO
       scheme is kept as the source code. -->
  <xsl:template name="iso:person-id">
    <xsl:param name="document" as="element()"/>
    <xsl:variable name="scheme" select="normalize-space(($document/*:SchmeNm/*:Cd, $document/*:SchmeNm/*:Prtry)[1])"/>
    <xsl:variable name="issuer" select="normalize-space($document/*:Issr)"/>
    <c:Identifier scheme="{if ($document/*:SchmeNm/*:Cd = 'NIDN' and $issuer = ('', 'CN')) then 'CN-RESIDENT-ID' else 'OTHER-ID'}">
      <xsl:if test="$scheme"><xsl:attribute name="sourceCode" select="$scheme"/></xsl:if>
      <xsl:value-of select="normalize-space($document/*:Id)"/>
    </c:Identifier>
  </xsl:template>
</xsl:stylesheet>
