<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Payment documents to one CEB411 (China import payment voucher) message.
  The input is a c:Payment or a c:Batch of them; every payment becomes a ceb:Payment, the envelope
  (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first payment's Source.
  The output is validated against xsd/ceb/ceb411.xsd before it is sent.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- a new message id; the original message's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>
  <!-- egress settings that replace the original sender in BaseTransfer when set -->
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="payments" select="c:Payment | c:Batch/c:Payment"/>
    <xsl:if test="empty($payments) or exists(c:Batch/*[not(self::c:Payment)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB411 message carries canonical Payment documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$payments[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB411Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$payments">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
    </ceb:CEB411Message>
  </xsl:template>

  <xsl:template match="c:Payment">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="psp" select="cebc:party(., 'PAYMENT_SERVICE_PROVIDER')"/>
    <xsl:variable name="platform" select="cebc:party(., 'PLATFORM')"/>
    <xsl:variable name="payer" select="cebc:party(., 'PAYER')"/>
    <xsl:variable name="payer-id" select="$payer/c:Identifier[@scheme = ('CN-RESIDENT-ID', 'OTHER-ID')][1]"/>
    <ceb:Payment>
      <ceb:PaymentHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="if (c:Header/c:IssueDateTime) then cebc:compact-time(c:Header/c:IssueDateTime)
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB411 payment needs its issue time (Header/IssueDateTime)', c:Header)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:payCode><xsl:value-of select="$psp/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:payCode>
        <ceb:payName><xsl:value-of select="$psp/c:Name"/></ceb:payName>
        <ceb:payTransactionId><xsl:value-of select="c:PaymentTransactionId"/></ceb:payTransactionId>
        <ceb:orderNo><xsl:value-of select="c:OrderNumber"/></ceb:orderNo>
        <ceb:ebpCode><xsl:value-of select="$platform/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:ebpCode>
        <ceb:ebpName><xsl:value-of select="$platform/c:Name"/></ceb:ebpName>
        <ceb:payerIdType><xsl:value-of select="if ($payer-id) then cebc:code-of($cebc:id-schemes, $payer-id/@scheme) else ''"/></ceb:payerIdType>
        <ceb:payerIdNumber><xsl:value-of select="$payer-id"/></ceb:payerIdNumber>
        <ceb:payerName><xsl:value-of select="$payer/c:Name"/></ceb:payerName>
        <xsl:for-each select="$payer/c:Communication[@type = 'TE'][string()][1]"><ceb:telephone><xsl:value-of select="."/></ceb:telephone></xsl:for-each>
        <ceb:amountPaid><xsl:value-of select="c:Amount"/></ceb:amountPaid>
        <ceb:currency><xsl:value-of select="cl:customs-currency(c:Amount/@currency, c:Amount)"/></ceb:currency>
        <ceb:payTime><xsl:value-of select="if (c:PaidAt) then cebc:compact-time(c:PaidAt)
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB411 payment needs its payment time (PaidAt)', .)"/></ceb:payTime>
        <xsl:for-each select="c:Note[string()]"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:PaymentHead>
    </ceb:Payment>
  </xsl:template>
</xsl:stylesheet>
