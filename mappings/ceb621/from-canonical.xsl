<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Declaration documents to one CEB621 (China import inventory, 进口清单) message.
  The input is a c:Declaration or a c:Batch of them; every declaration becomes a ceb:Inventory, the
  envelope (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first declaration's Source.
  The message ends with the envelope: the customs schema requires a ds:Signature after it, which the
  adapter adds when it signs the message (the format is signed: true), then validates the result
  against xsd/ceb/ceb621.xsd before it is sent.
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
    <xsl:variable name="declarations" select="c:Declaration | c:Batch/c:Declaration"/>
    <xsl:if test="empty($declarations) or exists(c:Batch/*[not(self::c:Declaration)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB621 message carries canonical Declaration documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$declarations[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB621Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$declarations">
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
      <!-- ds:Signature: added by the adapter when it signs the message -->
    </ceb:CEB621Message>
  </xsl:template>

  <xsl:template match="c:Declaration">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="platform" select="cebc:party(., 'PLATFORM')"/>
    <xsl:variable name="seller" select="cebc:party(., 'SELLER')"/>
    <xsl:variable name="logistics" select="cebc:party(., 'LOGISTICS_OPERATOR')"/>
    <xsl:variable name="buyer" select="cebc:party(., 'BUYER')"/>
    <xsl:variable name="declarant" select="cebc:party(., 'DECLARANT')"/>
    <xsl:variable name="guarantor" select="cebc:party(., 'GUARANTOR')"/>
    <xsl:variable name="warehouse" select="cebc:party(., 'WAREHOUSE_KEEPER')"/>
    <xsl:variable name="buyer-id" select="$buyer/c:Identifier[@scheme = ('CN-RESIDENT-ID', 'OTHER-ID')][1]"/>
    <xsl:variable name="transport" select="c:Transport"/>
    <xsl:variable name="mode" select="$transport/c:Mode[@scheme = 'CN-TRANSPORT-MODE'][1]"/>
    <xsl:variable name="procedure" select="c:Procedure[@scheme = 'CN-SUPERVISION-MODE']"/>
    <ceb:Inventory>
      <ceb:InventoryHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:orderNo><xsl:value-of select="c:OrderNumber"/></ceb:orderNo>
        <ceb:ebpCode><xsl:value-of select="$platform/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:ebpCode>
        <ceb:ebpName><xsl:value-of select="$platform/c:Name"/></ceb:ebpName>
        <ceb:ebcCode><xsl:value-of select="$seller/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:ebcCode>
        <ceb:ebcName><xsl:value-of select="$seller/c:Name"/></ceb:ebcName>
        <ceb:logisticsNo><xsl:value-of select="c:TransportDocument"/></ceb:logisticsNo>
        <ceb:logisticsCode><xsl:value-of select="$logistics/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:logisticsCode>
        <ceb:logisticsName><xsl:value-of select="$logistics/c:Name"/></ceb:logisticsName>
        <xsl:for-each select="c:LocalReference[string()]"><ceb:copNo><xsl:value-of select="."/></ceb:copNo></xsl:for-each>
        <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
        <ceb:assureCode><xsl:value-of select="$guarantor/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:assureCode>
        <xsl:for-each select="c:AdditionalDocument[@type = 'ACCOUNT_BOOK'][string()][1]"><ceb:emsNo><xsl:value-of select="."/></ceb:emsNo></xsl:for-each>
        <xsl:for-each select="c:CustomsReference[@type = 'INVENTORY_NUMBER'][string()][1]"><ceb:invtNo><xsl:value-of select="."/></ceb:invtNo></xsl:for-each>
        <ceb:ieFlag><xsl:value-of select="if (c:TradeDirection = 'IMPORT') then 'I'
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB621 inventory declares an import, not ' || c:TradeDirection, c:TradeDirection)"/></ceb:ieFlag>
        <!-- the declaration date; the day of issue when the declaration has none -->
        <ceb:declTime><xsl:value-of select="if (c:DeclarationDate) then format-date(xs:date(c:DeclarationDate), '[Y0001][M01][D01]')
            else substring(cebc:issue-time(.), 1, 8)"/></ceb:declTime>
        <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
        <ceb:portCode><xsl:value-of select="c:EntryOffice"/></ceb:portCode>
        <xsl:for-each select="$transport/c:ArrivalDate"><ceb:ieDate><xsl:value-of select="format-date(xs:date(.), '[Y0001][M01][D01]')"/></ceb:ieDate></xsl:for-each>
        <ceb:buyerIdType><xsl:value-of select="if ($buyer-id) then cebc:code-of($cebc:id-schemes, $buyer-id/@scheme) else ''"/></ceb:buyerIdType>
        <ceb:buyerIdNumber><xsl:value-of select="$buyer-id"/></ceb:buyerIdNumber>
        <ceb:buyerName><xsl:value-of select="$buyer/c:Name"/></ceb:buyerName>
        <ceb:buyerTelephone><xsl:value-of select="$buyer/c:Communication[@type = 'TE'][1]"/></ceb:buyerTelephone>
        <ceb:consigneeAddress><xsl:value-of select="string-join(c:DeliveryAddress/c:Line, ' ')"/></ceb:consigneeAddress>
        <ceb:agentCode><xsl:value-of select="$declarant/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:agentCode>
        <ceb:agentName><xsl:value-of select="$declarant/c:Name"/></ceb:agentName>
        <xsl:for-each select="$warehouse/c:Identifier[@scheme = 'CN-CUSTOMS'][string()][1]"><ceb:areaCode><xsl:value-of select="."/></ceb:areaCode></xsl:for-each>
        <xsl:for-each select="$warehouse/c:Name[string()]"><ceb:areaName><xsl:value-of select="."/></ceb:areaName></xsl:for-each>
        <ceb:tradeMode><xsl:value-of select="if ($procedure) then $procedure
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB621 inventory needs a CN-SUPERVISION-MODE procedure (tradeMode)', (c:Procedure, .)[1])"/></ceb:tradeMode>
        <ceb:trafMode><xsl:value-of select="if ($mode) then $mode
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB621 inventory needs a CN-TRANSPORT-MODE transport mode (trafMode)', ($transport/c:Mode, $transport, .)[1])"/></ceb:trafMode>
        <xsl:for-each select="$transport/c:ConveyanceName[string()]"><ceb:trafNo><xsl:value-of select="."/></ceb:trafNo></xsl:for-each>
        <xsl:for-each select="$transport/c:ConveyanceReference[string()]"><ceb:voyageNo><xsl:value-of select="."/></ceb:voyageNo></xsl:for-each>
        <xsl:for-each select="c:MasterDocument[string()]"><ceb:billNo><xsl:value-of select="."/></ceb:billNo></xsl:for-each>
        <xsl:for-each select="c:GoodsLocation[string()]"><ceb:loctNo><xsl:value-of select="."/></ceb:loctNo></xsl:for-each>
        <xsl:for-each select="c:AdditionalDocument[@type = 'LICENCE'][string()][1]"><ceb:licenseNo><xsl:value-of select="."/></ceb:licenseNo></xsl:for-each>
        <ceb:country><xsl:value-of select="if ($transport/c:DepartureCountry) then cl:customs-country($transport/c:DepartureCountry, $transport/c:DepartureCountry)
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB621 inventory needs a departure country', ($transport, .)[1])"/></ceb:country>
        <ceb:freight><xsl:value-of select="(c:Freight, 0)[1]"/></ceb:freight>
        <ceb:insuredFee><xsl:value-of select="(c:Insurance, 0)[1]"/></ceb:insuredFee>
        <ceb:currency><xsl:value-of select="if (c:Freight) then cl:customs-currency(c:Freight/@currency, c:Freight)
            else if (c:Insurance) then cl:customs-currency(c:Insurance/@currency, c:Insurance) else '142'"/></ceb:currency>
        <xsl:for-each select="c:PackagingType[@scheme = 'CN-WRAP-TYPE'][1]"><ceb:wrapType><xsl:value-of select="."/></ceb:wrapType></xsl:for-each>
        <ceb:packNo><xsl:value-of select="(c:PackageCount, 1)[1]"/></ceb:packNo>
        <ceb:grossWeight><xsl:value-of select="c:GrossWeight"/></ceb:grossWeight>
        <ceb:netWeight><xsl:value-of select="c:NetWeight"/></ceb:netWeight>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:InventoryHead>
      <xsl:apply-templates select="c:GoodsItem"/>
    </ceb:Inventory>
  </xsl:template>

  <xsl:template match="c:GoodsItem">
    <xsl:variable name="gcode" select="c:Classification[@scheme = 'CN-CUSTOMS10'][1]"/>
    <xsl:variable name="legal" select="c:LegalQuantity"/>
    <ceb:InventoryList>
      <ceb:gnum><xsl:value-of select="c:Sequence"/></ceb:gnum>
      <xsl:for-each select="c:RecordNumber"><ceb:itemRecordNo><xsl:value-of select="."/></ceb:itemRecordNo></xsl:for-each>
      <xsl:for-each select="c:Sku"><ceb:itemNo><xsl:value-of select="."/></ceb:itemNo></xsl:for-each>
      <xsl:for-each select="c:Title"><ceb:itemName><xsl:value-of select="."/></ceb:itemName></xsl:for-each>
      <ceb:gcode><xsl:value-of select="if ($gcode) then $gcode
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB621 goods item needs a CN-CUSTOMS10 classification (gcode)', .)"/></ceb:gcode>
      <ceb:gname><xsl:value-of select="c:Description"/></ceb:gname>
      <ceb:gmodel><xsl:value-of select="(c:Model, c:Description)[1]"/></ceb:gmodel>
      <xsl:for-each select="c:Barcode"><ceb:barCode><xsl:value-of select="."/></ceb:barCode></xsl:for-each>
      <ceb:country><xsl:value-of select="if (c:OriginCountry) then cl:customs-country(c:OriginCountry, c:OriginCountry)
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB621 goods item needs a country of origin', .)"/></ceb:country>
      <xsl:for-each select="c:TradeCountry"><ceb:tradeCountry><xsl:value-of select="cl:customs-country(., .)"/></ceb:tradeCountry></xsl:for-each>
      <ceb:currency><xsl:value-of select="cl:customs-currency(c:Value/@currency, c:Value)"/></ceb:currency>
      <ceb:qty><xsl:value-of select="c:Quantity"/></ceb:qty>
      <ceb:unit><xsl:value-of select="cl:customs-unit(c:Quantity/@unitCode, c:Quantity/@sourceUnitCode, c:Quantity)"/></ceb:unit>
      <xsl:if test="empty($legal)">
        <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB621 goods item needs a quantity in the first legal unit (qty1, unit1)', .)"/>
      </xsl:if>
      <xsl:for-each select="$legal">
        <xsl:element name="ceb:qty{position()}"><xsl:value-of select="."/></xsl:element>
        <xsl:element name="ceb:unit{position()}"><xsl:value-of select="cl:customs-unit(@unitCode, @sourceUnitCode, .)"/></xsl:element>
      </xsl:for-each>
      <ceb:price><xsl:value-of select="c:UnitPrice"/></ceb:price>
      <ceb:totalPrice><xsl:value-of select="c:Value"/></ceb:totalPrice>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:InventoryList>
  </xsl:template>
</xsl:stylesheet>
